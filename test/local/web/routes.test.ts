import http from 'node:http';
import { translatorFor } from '../../../lambda/i18n';
import type { Conversation } from '../../../local/web/conversation';
import type { Entry, SimulatorState } from '../../../local/web/protocol';
import { startTestRuntime, type TestRuntime } from '../../support/localRuntime';

const { t } = translatorFor('en-US');

describe('the web simulator\'s page and API at npm start\'s root URL', () => {
  let local: TestRuntime;
  let origin: string;
  beforeAll(async () => {
    local = await startTestRuntime();
    origin = new URL(local.runtime.urls.web).origin;
  });
  afterEach(() => local.admin('DELETE', '/admin/faults'));
  afterAll(() => local.close());

  async function call<T = Record<string, unknown>>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T }> {
    const response = await fetch(`${origin}/simulator/api${path}`, {
      ...(body === undefined ? {} : { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    });
    return { status: response.status, json: (await response.json()) as T };
  }
  const line = async (text: string) => (await call<{ entries: Entry[] }>('/line', { line: text })).json.entries;
  /** What a browser does with the authorization URL: the consent page's form, Agree or Cancel, then the redirect back to /link/callback. */
  async function consentInBrowser(url: string, decision: 'allow' | 'deny'): Promise<Response> {
    const page = await (await fetch(url)).text();
    const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1]!, match[2]!.replace(/&#38;/g, '&')]));
    const answer = await fetch(new URL('/authorize', url), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ ...fields, decision }) });
    return fetch(answer.headers.get('location')!);
  }
  const newConversation = (start: { linked: boolean; screen?: boolean; locale?: string }) => call<{ entries: Entry[] }>('/new', start);

  it('serves the page at / to a browser, and the list of URLs to a client that asks for JSON only', async () => {
    const page = await fetch(`${origin}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<label for="say-input">What you would say to Alexa</label>');
    expect(html).toContain('>Link account</button>');

    const script = await fetch(`${origin}/simulator/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('function renderApl(');

    const index = await fetch(`${origin}/`, { headers: { accept: 'application/json' } });
    expect(await index.json()).toMatchObject({ alexa: local.runtime.urls.alexa, web: `${origin}/` });
  });

  it('answers a typed line with the turn as the page shows it: heard, speech, reprompt, card, screens, session, attributes', async () => {
    await newConversation({ linked: true });

    const [entry] = await line('list my playlists');

    expect(entry).toMatchObject({
      kind: 'turn',
      line: 'list my playlists',
      turn: {
        heard: 'ListPlaylistsIntent',
        requestType: 'IntentRequest',
        intent: { name: 'ListPlaylistsIntent', slots: {} },
        reprompt: 'Want to hear more of your playlists? Say yes or no.',
        card: { type: 'Simple', title: 'Your playlists', text: expect.stringContaining('1. Morning Run\n2. Rock & Roll <Live>') },
        screens: [{ token: 'playlistList', datasources: { panel: { title: 'Your playlists', lines: expect.arrayContaining(['2. Rock &amp; Roll &lt;Live&gt;']) } } }],
        sessionOpen: true,
        sessionAttributes: { listNextOffset: 5 },
        locale: 'en-US',
      },
    });
    expect(entry?.kind === 'turn' && entry.turn.speech).toMatch(/^You have 30 playlists\. Here are the first 5: Morning Run, Rock & Roll <Live>/);
  });

  it('never sends a token to the browser: the raw envelopes are masked as the terminal\'s raw masks them', async () => {
    const { json: state } = await call<SimulatorState>('/state');
    const token = local.runtime.linking.alexa.tokensOf(state.userId)!.accessToken;

    const entries = await line('list my playlists');

    const text = JSON.stringify(entries);
    expect(text).not.toContain(token);
    expect(entries[0]).toMatchObject({ turn: { raw: { request: { context: { System: { user: { accessToken: '[redacted]' }, apiAccessToken: '[redacted]' } } } } } });
  });

  it('runs the terminal\'s commands from the same box: link, expire and the refresh that follows', async () => {
    await newConversation({ linked: false });

    const [linked] = await line('link');
    const [expired] = await line('expire');
    const { json: state } = await call<SimulatorState>('/state');
    const [refreshed] = await line('list my playlists');

    expect(linked).toMatchObject({ kind: 'link', via: 'simulator', linked: true, status: 'linked' });
    expect(expired).toMatchObject({ kind: 'note', text: expect.stringMatching(/^the access token expired now/) });
    expect(state.linking.accessTokenExpiresInMs).toBeLessThanOrEqual(0);
    expect(refreshed).toMatchObject({ kind: 'turn', turn: { linkingNotes: [expect.stringMatching(/^Alexa refreshed the expired access token: token#[0-9a-f]{6} lives 3600 s\.$/)] } });
    expect((await call<SimulatorState>('/state')).json.linking.accessTokenExpiresInMs).toBeGreaterThan(3_590_000);
  });

  it('starts the Link account flow in a browser: the authorization URL comes back to /link/callback, and the conversation records the link', async () => {
    await newConversation({ linked: false });
    const { json } = await call<{ url: string }>('/link', {});
    const authorize = new URL(json.url);
    expect(authorize.origin).toBe(new URL(local.runtime.urls.authorize).origin);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${origin}/link/callback`);

    expect((await consentInBrowser(json.url, 'allow')).status).toBe(200);

    const { json: entries } = await call<{ entries: Entry[] }>('/entries?after=0');
    expect(entries.entries.at(-1)).toMatchObject({ kind: 'link', via: 'browser', linked: true });
    const conversation = (await (await fetch(`${origin}/simulator/api/conversation`)).json()) as Conversation;
    expect(conversation.steps).toEqual([{ line: 'link', answer: { linked: true } }]);
  });

  it('records Cancel on the consent page as link --deny, which a replay runs as the simulated Alexa app', async () => {
    await newConversation({ linked: false });
    const { json } = await call<{ url: string }>('/link', {});
    expect((await consentInBrowser(json.url, 'deny')).status).toBe(400);

    const { json: entries } = await call<{ entries: Entry[] }>('/entries?after=0');
    const conversation = (await (await fetch(`${origin}/simulator/api/conversation`)).json()) as Conversation;
    const replayed = await call<{ entries: Entry[] }>('/replay', { name: 'denied.json', conversation });

    expect(entries.entries.at(-1)).toMatchObject({ kind: 'link', via: 'browser', linked: false, line: 'link --deny', problem: expect.stringMatching(/^access_denied/) });
    expect(conversation.steps).toEqual([{ line: 'link --deny', answer: { linked: false } }]);
    expect(replayed.json.entries.at(-1)).toMatchObject({ kind: 'replayed', differing: [] });
  });

  it('switches faults from the page and records every change, those made with curl at /admin/faults too', async () => {
    await newConversation({ linked: true, screen: false });

    const { json: switched } = await call<{ entries: Entry[] }>('/faults', { faults: ['500'] });
    const [, failed] = [undefined, ...(await line('list my playlists'))];
    await local.admin('POST', '/admin/faults', { fault: 'slow', ms: 10 });
    const afterCurl = await line('help');

    expect(switched.entries).toMatchObject([{ kind: 'faults', faults: ['500'] }]);
    expect(failed).toMatchObject({ turn: { speech: "Sorry, I couldn't reach Spotify just now. Want me to try again?" } });
    expect(afterCurl[0]).toMatchObject({ kind: 'faults', faults: ['500', 'slow'], slowMs: 10 });
    const conversation = (await (await fetch(`${origin}/simulator/api/conversation?about=faults`)).json()) as Conversation;
    expect(conversation).toMatchObject({ about: 'faults', linked: true, screen: false, locale: 'en-US' });
    expect(conversation.steps.map((step) => ('line' in step ? step.line : step))).toEqual([{ faults: ['500'] }, 'list my playlists', { faults: ['500', 'slow'], slowMs: 10 }, 'help']);
  });

  it('refuses a fault it does not know, and a body that is not JSON, with a sentence', async () => {
    expect(await call('/faults', { faults: ['teapot'] })).toEqual({ status: 400, json: { error: expect.stringMatching(/^unknown fault teapot; known: 429, 500, slow, /) } });
    expect(await call('/line', '{"line":')).toEqual({ status: 400, json: { error: 'send a JSON object' } });
    expect(await call('/line', { line: 42 })).toMatchObject({ status: 400 });
    expect(await call('/nothing')).toMatchObject({ status: 404, json: { error: expect.stringContaining('/simulator/api/line') } });
    expect(await call('/line')).toEqual({ status: 405, json: { error: 'use POST on /simulator/api/line' } });
  });

  it('switches the locale with the locale command, and suggests that locale\'s sample utterances', async () => {
    await newConversation({ linked: true });
    await line('locale de-DE');

    const { json: state } = await call<SimulatorState>('/state');
    const [turn] = await line('liste meine playlists');

    expect(state.locale).toBe('de-DE');
    expect(state.locales).toEqual(expect.arrayContaining(['de-DE', 'en-US', 'fr-FR', 'es-MX']));
    expect(state.suggestions.map((suggestion) => suggestion.text)).toEqual(expect.arrayContaining(['öffne playlist pal', 'ja']));
    expect(state.suggestions).toContainEqual({ text: expect.stringContaining('Morning Run'), intent: 'PlayPlaylistIntent' });
    expect(turn).toMatchObject({ turn: { locale: 'de-DE', speech: expect.stringMatching(/^Du hast 30 Playlists\./) } });
  });

  it('replays a conversation file as a new conversation and says which answers differ', async () => {
    await newConversation({ linked: false });
    await line('open playlist pal');
    const saved = (await (await fetch(`${origin}/simulator/api/conversation`)).json()) as Conversation;
    const changed = { ...saved, steps: [{ line: 'open playlist pal', answer: { heard: 'LaunchRequest', speech: 'Hello.', session: 'ended' } }] };

    const same = await call<{ entries: Entry[] }>('/replay', { name: 'saved.json', conversation: saved });
    const different = await call<{ entries: Entry[] }>('/replay', { name: 'changed.json', conversation: changed });

    expect(same.json.entries.at(-1)).toEqual({ id: expect.any(Number), kind: 'replayed', steps: 1, lines: 1, differing: [] });
    expect(different.json.entries.at(-1)).toMatchObject({
      kind: 'replayed',
      differing: [
        {
          step: 1,
          line: 'open playlist pal',
          differences: [`speech: expected "Hello.", heard ${JSON.stringify(t('link.speech'))}`, 'card: expected (nothing), heard {"type":"LinkAccount"}'],
        },
      ],
    });
    expect(await call('/replay', { name: 'x.json', conversation: { format: 'something else' } })).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/^x\.json is not a conversation \(playlist-pal-conversation\/1\): format: /) },
    });
  });

  it('shows the demo Spotify\'s playback and what the listener table remembers of the page\'s user', async () => {
    await newConversation({ linked: true });
    await line('play Deep Focus');

    const { json: demo } = await call<{ playback: { playlist?: string; isPlaying: boolean }; devices: Array<{ name: string; isActive: boolean }>; remembered: { attributes: Record<string, unknown> } }>('/demo');

    expect(demo.playback).toMatchObject({ isPlaying: true, playlist: 'Deep Focus' });
    expect(demo.devices).toContainEqual(expect.objectContaining({ name: 'Kitchen Echo', isActive: true }));
    expect(JSON.stringify(demo.remembered.attributes)).toContain('Deep Focus');
  });
});

describe('the web simulator\'s protections, the admin routes\' rules', () => {
  let local: TestRuntime;
  let origin: string;
  beforeAll(async () => {
    local = await startTestRuntime();
    origin = new URL(local.runtime.urls.web).origin;
  });
  afterAll(() => local.close());

  const post = (headers: Record<string, string>) =>
    fetch(`${origin}/simulator/api/line`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ line: 'enable' }) });

  it('takes a JSON request from its own origin', async () => {
    expect((await post({ origin })).status).toBe(200);
  });

  it('refuses a request from another origin, so no other page can drive it through the browser', async () => {
    const response = await post({ origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'the admin routes and the web simulator refuse requests from another origin' });
  });

  it('refuses a form post (anything but application/json)', async () => {
    const response = await post({ 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('refuses a Host that is not loopback, page included (DNS rebinding)', async () => {
    const url = new URL(origin);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.get({ host: url.hostname, port: url.port, path: '/', headers: { host: `rebound.example:${url.port}` } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('only to a loopback Host');
  });
});
