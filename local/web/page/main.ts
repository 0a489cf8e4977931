/*
 * The web simulator's page: plain DOM, no framework. Everything it shows comes from the server
 * (/simulator/api/…), which runs each line through the terminal simulator's own commands.
 */
import type { DemoState, Entry, SimulatorState, TurnView } from '../protocol';
import { renderApl, VIEWPORTS, type Viewport } from './apl';
import { append, byId, h } from './dom';

const API = '/simulator/api';

class ApiError extends Error {
  override readonly name = 'ApiError';
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(`the simulator answered ${response.status} without JSON`);
  }
  if (!response.ok) throw new ApiError((json as { error?: string }).error ?? `the simulator answered ${response.status}`);
  return json as T;
}

const log = byId('log');
const busy = byId('busy');
const sayForm = byId<HTMLFormElement>('say-form');
const sayInput = byId<HTMLInputElement>('say-input');
const speakAloud = byId<HTMLInputElement>('speak-aloud');
const turns = new Map<number, { line: string; turn: TurnView }>();
let lastEntry = 0;
let state: SimulatorState | undefined;
/** When the access token expires, by this browser's clock. */
let tokenExpiresAt: number | null | undefined;

// ---------------------------------------------------------------- speech

const canSpeak = typeof window.speechSynthesis !== 'undefined';

function speak(texts: readonly string[], locale: string): void {
  if (!canSpeak) return;
  window.speechSynthesis.cancel();
  for (const text of texts.filter((candidate) => candidate !== '')) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = locale;
    window.speechSynthesis.speak(utterance);
  }
}

// ---------------------------------------------------------------- screens

const frames: Array<{ frame: HTMLElement; screen: HTMLElement; viewport: Viewport; share: number }> = [];

/** Scales each screen preview to the room it has: a share of the log's width, never larger than the device. */
function fitScreens(): void {
  const room = Math.max(200, log.clientWidth - 32);
  for (const { frame, screen, viewport, share } of frames) {
    const scale = Math.min(1, (room * share) / viewport.width);
    frame.style.width = `${Math.round(viewport.width * scale)}px`;
    frame.style.height = `${Math.round(viewport.height * scale)}px`;
    screen.style.transform = `scale(${scale})`;
  }
}

window.addEventListener('resize', fitScreens);

function screensOf(turn: TurnView): HTMLElement | undefined {
  if (turn.screens.length === 0) return undefined;
  const wrapper = h('div', { class: 'screens' });
  for (const view of turn.screens) {
    for (const viewport of VIEWPORTS) {
      const screen = renderApl(view.document, view.datasources, viewport);
      const frame = h('div', { class: `apl-frame${viewport.shape === 'ROUND' ? ' round' : ''}` }, screen);
      frames.push({ frame, screen, viewport, share: viewport.shape === 'ROUND' ? 0.3 : 0.62 });
      append(wrapper, h('figure', { 'data-screen': view.token }, frame, h('figcaption', {}, `Screen "${view.token}" on ${viewport.label}`)));
    }
  }
  return wrapper;
}

// ---------------------------------------------------------------- entries

function cardOf(turn: TurnView): HTMLElement | undefined {
  const { card } = turn;
  if (card === undefined) return undefined;
  const box = h('div', { class: 'card', role: 'group', 'aria-label': `${card.type} card in the Alexa app` }, h('p', { class: 'card-type' }, `${card.type} card`));
  if (card.type === 'LinkAccount') {
    append(
      box,
      h('p', { class: 'card-title' }, 'Playlist Pal needs your Spotify account'),
      h('p', { class: 'card-text' }, 'The Alexa app shows this card with a button that opens Spotify\'s consent page.'),
      h('button', { type: 'button', class: 'primary', onclick: () => void linkInBrowser() }, 'Link account'),
    );
    return box;
  }
  if (card.title !== undefined) append(box, h('p', { class: 'card-title' }, card.title));
  if (card.text !== undefined) append(box, h('p', { class: 'card-text' }, card.text));
  const image = card.image?.smallImageUrl ?? card.image?.largeImageUrl;
  if (image !== undefined) append(box, h('p', { class: 'hint' }, `Image: ${image}`));
  return box;
}

function slotsOf(turn: TurnView): HTMLElement | undefined {
  const slots = Object.entries(turn.intent?.slots ?? {});
  if (slots.length === 0) return undefined;
  return h('ul', { class: 'steps', 'aria-label': 'Slots' }, ...slots.map(([name, value]) => h('li', {}, h('code', {}, name), `: ${value === null ? '(empty)' : `"${value}"`}`)));
}

function showRaw(id: number): void {
  const found = turns.get(id);
  if (found === undefined) return;
  byId('raw-about').textContent = `The request and response of "${found.line === '' ? '(silence)' : found.line}", every token masked.`;
  byId('raw-request').textContent = JSON.stringify(found.turn.raw.request, null, 2);
  byId('raw-response').textContent = JSON.stringify(found.turn.raw.response, null, 2);
  byId('raw-heading').focus();
}

function youSaid(line: string): HTMLElement {
  return h('p', { class: 'you' }, 'You: ', line === '' ? h('em', {}, '(silence)') : line);
}

function turnEntry(id: number, line: string, turn: TurnView): HTMLElement {
  turns.set(id, { line, turn });
  const article = h('article', { class: 'entry turn', 'aria-label': `Turn: ${line === '' ? 'silence' : line}` }, youSaid(line));
  append(article, h('p', { class: 'heard' }, 'Heard as ', h('code', {}, turn.heard)), slotsOf(turn));
  for (const note of turn.linkingNotes) append(article, h('p', { class: 'note' }, note));
  for (const text of turn.progressive) append(article, h('p', { class: 'progressive' }, h('strong', {}, 'Alexa, while the skill works: '), text));
  append(article, h('p', { class: 'speech' }, h('span', { class: 'who' }, 'Alexa: '), turn.speech === '' ? h('em', {}, '(says nothing)') : turn.speech));
  if (turn.reprompt !== '') append(article, h('p', {}, h('strong', {}, 'If you say nothing: '), turn.reprompt));
  append(article, cardOf(turn), screensOf(turn));
  append(
    article,
    h('p', { class: 'session' }, turn.sessionOpen ? 'Session open: Alexa listens for your answer.' : 'Session ended.'),
    Object.keys(turn.sessionAttributes).length === 0
      ? undefined
      : h('details', {}, h('summary', {}, 'Session attributes'), h('pre', { tabindex: '0' }, JSON.stringify(turn.sessionAttributes, null, 2))),
  );
  const actions = h('div', { class: 'turn-actions' });
  if (canSpeak && (turn.speech !== '' || turn.progressive.length > 0)) {
    append(actions, h('button', { type: 'button', 'aria-label': `Speak Alexa's answer to "${line}"`, onclick: () => speak([...turn.progressive, turn.speech], turn.locale) }, 'Speak'));
  }
  append(actions, h('button', { type: 'button', 'aria-label': `Raw JSON of "${line}"`, onclick: () => showRaw(id) }, 'Raw JSON'));
  append(article, actions);
  if (speakAloud.checked) speak([...turn.progressive, turn.speech], turn.locale);
  return article;
}

function entryElement(entry: Entry): HTMLElement {
  switch (entry.kind) {
    case 'turn':
      return turnEntry(entry.id, entry.line, entry.turn);
    case 'reprompt':
      return h('article', { class: 'entry' }, youSaid(entry.line), h('p', { class: 'speech' }, h('span', { class: 'who' }, 'Alexa (reprompt): '), entry.text === '' ? '(none: the skill gave no reprompt)' : entry.text));
    case 'note':
      return h('article', { class: 'entry' }, youSaid(entry.line), h('p', { class: 'note' }, entry.text));
    case 'text':
      return h('article', { class: 'entry' }, youSaid(entry.line), h('pre', { tabindex: '0' }, entry.text));
    case 'error':
      return h('article', { class: 'entry error' }, youSaid(entry.line), h('p', { role: 'alert' }, `Error: ${entry.text}`));
    case 'link':
      return h(
        'article',
        { class: `entry${entry.linked ? '' : ' error'}` },
        entry.via === 'browser' ? h('p', { class: 'you' }, 'You linked in the browser window (the consent page).') : youSaid(entry.line),
        h('ol', { class: 'steps', 'aria-label': 'Linking steps' }, ...entry.steps.map((step) => h('li', {}, h('strong', {}, step.step), ` ${step.text}`))),
        h('p', {}, entry.linked ? 'Linked: requests now carry the access token.' : `Linking failed: ${entry.problem ?? 'the flow did not finish'} (the account is ${entry.status}).`),
      );
    case 'faults':
      return h(
        'article',
        { class: 'entry' },
        h('p', { class: 'note' }, entry.faults.length === 0 ? 'Spotify faults: all off.' : `Spotify faults on: ${entry.faults.join(', ')}${entry.slowMs === undefined ? '' : ` (slow: ${entry.slowMs} ms)`}.`),
      );
    case 'started':
      return h(
        'article',
        { class: 'entry' },
        h(
          'p',
          { class: 'note' },
          `${entry.replaying === undefined ? 'New conversation' : `Replaying ${entry.replaying}`}: ${entry.locale}, ${entry.linked ? 'linked to the demo Spotify account' : 'not linked'}, ${entry.screen ? 'Echo Show (screen)' : 'Echo Dot (no screen)'}.`,
        ),
      );
    case 'replayed':
      return entry.differing.length === 0
        ? h('article', { class: 'entry' }, h('p', { role: 'status' }, `Replayed ${entry.steps} steps: all ${entry.lines} lines answered as saved.`))
        : h(
            'article',
            { class: 'entry differs' },
            h('p', { role: 'alert' }, `Replayed ${entry.steps} steps: ${entry.differing.length} of ${entry.lines} lines answered differently.`),
            h(
              'ul',
              { class: 'differences' },
              ...entry.differing.map((step) => h('li', {}, `Step ${step.step} ("${step.line}"): `, step.differences.join('; '))),
            ),
          );
  }
}

function show(entries: readonly Entry[]): void {
  for (const entry of entries) {
    if (entry.id <= lastEntry) continue;
    lastEntry = entry.id;
    log.appendChild(entryElement(entry));
  }
  fitScreens();
  // The newest answer and the box to answer it, in view.
  sayForm.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- panels

function lifetimeText(): string {
  if (tokenExpiresAt === undefined) return 'none';
  if (tokenExpiresAt === null) return 'never expires';
  const seconds = Math.round((tokenExpiresAt - Date.now()) / 1000);
  if (seconds <= 0) return 'expired: Alexa refreshes it before the next request';
  const minutes = Math.floor(seconds / 60);
  return `expires in ${minutes > 0 ? `${minutes} min ` : ''}${seconds % 60} s`;
}

setInterval(() => (byId('token-lifetime').textContent = lifetimeText()), 1000);

const STATUS_TEXT: Record<string, string> = { linked: 'linked', unlinked: 'not linked', 'needs relinking': 'needs linking again' };

function showState(next: SimulatorState): void {
  state = next;
  byId('link-status').textContent = `${STATUS_TEXT[next.linking.status] ?? next.linking.status} (${next.linking.grant})`;
  tokenExpiresAt = next.linking.accessTokenExpiresInMs === undefined ? undefined : next.linking.accessTokenExpiresInMs === null ? null : Date.now() + next.linking.accessTokenExpiresInMs;
  byId('token-lifetime').textContent = lifetimeText();
  byId('skill-enabled').textContent = next.linking.enabled ? 'enabled' : 'disabled';
  byId<HTMLButtonElement>('link-button').disabled = !next.linking.browserLinking;
  byId('steps-count').textContent = `${next.steps} of at most ${next.maxSteps} steps recorded.`;

  const locale = byId<HTMLSelectElement>('locale');
  if (locale.options.length !== next.locales.length) locale.replaceChildren(...next.locales.map((code) => h('option', { value: code }, code)));
  locale.value = next.locale;

  const suggestions = byId('suggestions');
  suggestions.replaceChildren(
    ...next.suggestions.map((suggestion) => h('li', {}, h('button', { type: 'button', title: `heard as ${suggestion.intent}`, onclick: () => void say(suggestion.text) }, suggestion.text))),
  );

  const faults = byId('faults');
  const active = new Set(next.faults.active.map((fault) => fault.name));
  faults.replaceChildren(
    ...Object.entries(next.faults.available).map(([name, description]) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name: 'fault', value: name, checked: active.has(name), onchange: () => void applyFaults() }),
        h('code', {}, name),
        ` ${description}`,
      ),
    ),
  );
}

function showDemo(demo: DemoState): void {
  const { playback } = demo;
  const device = demo.devices.find((candidate) => candidate.id === playback.deviceId);
  byId('playback').textContent = playback.isPlaying ? `playing ${playback.playlist ?? playback.contextUri ?? 'something'} on ${device?.name ?? 'a device'}` : 'nothing playing';
  byId('devices').replaceChildren(...demo.devices.map((candidate) => h('li', {}, `${candidate.name} (${candidate.type})${candidate.isActive ? ': active' : ''}`)));
  byId('remembered').textContent =
    demo.remembered === undefined ? 'Nothing: this run has no listener table.' : demo.remembered === null ? 'Nothing yet for this user.' : JSON.stringify(demo.remembered, null, 2);
}

async function refresh(): Promise<void> {
  const [next, demo] = await Promise.all([api<SimulatorState>('/state'), api<DemoState>('/demo')]);
  showState(next);
  showDemo(demo);
  if (next.lastEntry > lastEntry) show((await api<{ entries: Entry[] }>(`/entries?after=${lastEntry}`)).entries);
}

// ---------------------------------------------------------------- actions

/** Runs one thing against the server, one at a time, saying on the page that it is under way and what went wrong. */
let working: Promise<unknown> = Promise.resolve();
function act(label: string, work: () => Promise<void>): Promise<void> {
  const run = working.then(async () => {
    busy.textContent = label;
    try {
      await work();
      await refresh();
      busy.textContent = '';
    } catch (error) {
      busy.textContent = `Could not finish: ${(error as Error).message}`;
    }
  });
  working = run;
  return run;
}

function say(line: string): Promise<void> {
  return act(line.trim() === '' ? 'Silence…' : `Alexa is answering "${line}"…`, async () => show((await api<{ entries: Entry[] }>('/line', { line })).entries));
}

function applyFaults(): Promise<void> {
  const names = [...document.querySelectorAll<HTMLInputElement>('input[name=fault]:checked')].map((input) => input.value);
  const slowMs = Number(byId<HTMLInputElement>('slow-ms').value);
  return act('Switching faults…', async () =>
    show((await api<{ entries: Entry[] }>('/faults', { faults: names, ...(Number.isInteger(slowMs) && slowMs >= 0 && slowMs <= 60_000 ? { slowMs } : {}) })).entries),
  );
}

/**
 * The account-linking flow in a browser window: the local authorization server's real consent
 * page, then Alexa's redirect back to /link/callback, which finishes the link. The page watches
 * for the link to arrive and closes the window.
 */
async function linkInBrowser(): Promise<void> {
  const fallback = byId('link-fallback');
  fallback.hidden = true;
  let url: string;
  try {
    ({ url } = await api<{ url: string }>('/link', {}));
  } catch (error) {
    busy.textContent = `Could not start linking: ${(error as Error).message}`;
    return;
  }
  const popup = window.open(url, 'playlist-pal-link', 'popup,width=520,height=720');
  if (popup === null) {
    fallback.replaceChildren('The browser blocked the window: ', h('a', { href: url, target: '_blank', rel: 'opener' }, 'open the consent page'), '.');
    fallback.hidden = false;
  }
  busy.textContent = 'Linking in the browser window: agree on the consent page…';
  const started = Date.now();
  const watch = window.setInterval(() => {
    void api<{ entries: Entry[] }>(`/entries?after=${lastEntry}`).then(async ({ entries }) => {
      const linked = entries.some((entry) => entry.kind === 'link' && entry.via === 'browser');
      show(entries);
      if (linked || popup?.closed === true || Date.now() - started > 10 * 60_000) {
        window.clearInterval(watch);
        if (linked) popup?.close();
        busy.textContent = '';
        await refresh();
        sayInput.focus();
      }
    });
  }, 700);
}

sayForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const line = sayInput.value;
  sayInput.value = '';
  void say(line);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-line]')) {
  button.addEventListener('click', () => void say(button.dataset.line ?? ''));
}
byId('link-button').addEventListener('click', () => void linkInBrowser());
byId('slow-ms').addEventListener('change', () => {
  if (document.querySelector<HTMLInputElement>('input[name=fault][value=slow]')?.checked) void applyFaults();
});
byId<HTMLSelectElement>('locale').addEventListener('change', (event) => void say(`locale ${(event.target as HTMLSelectElement).value}`));
byId('new-conversation').addEventListener('click', () => {
  const linked = byId<HTMLInputElement>('new-linked').checked;
  const screen = byId<HTMLSelectElement>('new-device').value === 'screen';
  void act('Starting a new conversation…', async () => {
    show((await api<{ entries: Entry[] }>('/new', { linked, screen, locale: state?.locale ?? 'en-US' })).entries);
    sayInput.focus();
  });
});
byId('export').addEventListener('click', () => {
  void act('Exporting…', async () => {
    const about = byId<HTMLInputElement>('export-about').value;
    const response = await fetch(`${API}/conversation?about=${encodeURIComponent(about)}`);
    if (!response.ok) throw new ApiError(`the export answered ${response.status}`);
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: 'playlist-pal-conversation.json' });
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
});
byId<HTMLInputElement>('replay-file').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file === undefined) return;
  void act(`Replaying ${file.name}…`, async () => {
    let conversation: unknown;
    try {
      conversation = JSON.parse(await file.text());
    } catch {
      throw new ApiError(`${file.name} is not JSON`);
    }
    show((await api<{ entries: Entry[] }>('/replay', { name: file.name, conversation })).entries);
    input.value = '';
  });
});
if (!canSpeak) {
  speakAloud.disabled = true;
  speakAloud.parentElement?.append(' (this browser has no speech synthesis)');
}

void act('Loading…', async () => undefined);
