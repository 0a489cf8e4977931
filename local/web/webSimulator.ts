import type { LinkOutcome } from '../linking/alexaLinking';
import type { CommandOutcome } from '../simulator/commands';
import { availableLocales, loadLanguageModel } from '../simulator/interactionModel';
import { builtInsFor } from '../simulator/builtInPhrases';
import { FAULTS, isFaultName, type FaultName } from '../spotify/faults';
import { playlistUri, type AccountRecord } from '../spotify/model';
import { MAX_STEPS, type Conversation, type FaultStep } from './conversation';
import type { DemoState, Entry, SimulatorState, Suggestion } from './protocol';
import { RecordedSession, replayConversation, type SessionParts, type SessionStart } from './session';
import { turnView } from './turnView';

/** The page keeps the newest entries; older ones stay in the conversation file but leave the page's log. */
const MAX_ENTRIES = 400;

export interface WebSimulatorOptions extends SessionParts {
  /** The demo Spotify account (its playlists name the suggestions; its playback is shown). */
  readonly account: () => AccountRecord;
  /** The listener table's item of one Alexa user, when the local run has a table. */
  readonly rememberedItem?: (userId: string) => Promise<Record<string, unknown> | undefined>;
}

type EntryBody = Entry extends infer E ? (E extends { id: number } ? Omit<E, 'id'> : never) : never;

/** Sample utterances of the locale's model, as a person would type them: a slot filled with a playlist of the demo account. */
export function suggestionsFor(locale: string, playlistName: string): Suggestion[] {
  const model = loadLanguageModel(locale);
  const builtIns = builtInsFor(locale);
  const suggestions: Suggestion[] = [{ text: `${builtIns.open[0] ?? 'open'} ${model.invocationName}`, intent: 'LaunchRequest' }];
  for (const intent of model.intents) {
    const samples = (intent.samples ?? []).filter((sample) => !/\{(?!playlist\})\w+\}/.test(sample)).slice(0, 2);
    for (const sample of samples) suggestions.push({ text: sample.replace('{playlist}', playlistName), intent: intent.name });
  }
  for (const name of ['AMAZON.YesIntent', 'AMAZON.NextIntent', 'AMAZON.NoIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent']) {
    const phrase = builtIns.intents[name]?.[0];
    if (phrase !== undefined) suggestions.push({ text: phrase, intent: name });
  }
  return suggestions;
}

/**
 * The web page's simulated user and its conversation, on the same runtime as the terminal: each
 * line goes through the terminal simulator's own parsing and commands (a RecordedSession), and
 * comes back as entries the page shows. One thing happens at a time, in order, whatever number
 * of tabs send lines.
 */
export class WebSimulator {
  private session: RecordedSession | undefined;
  private firstSession: Promise<RecordedSession> | undefined;
  private readonly entries: Entry[] = [];
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** The user whose consent is being given in a browser window, until the callback arrives. */
  private browserLinkFor: string | undefined;

  constructor(private readonly options: WebSimulatorOptions) {}

  /** Runs `work` after everything sent before it has finished. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private add(body: EntryBody): Entry {
    const entry = { ...body, id: this.nextId++ } as Entry;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  private addFaults(step: FaultStep | undefined): Entry[] {
    return step === undefined ? [] : [this.add({ kind: 'faults', faults: step.faults, ...(step.slowMs === undefined ? {} : { slowMs: step.slowMs }) })];
  }

  /** The page's user: linked to the demo account, on an Echo Show, in en-US, until the page starts another conversation. */
  private current(): Promise<RecordedSession> {
    if (this.session !== undefined) return Promise.resolve(this.session);
    // One first user, however many requests ask for it at once.
    this.firstSession ??= this.begin({ locale: 'en-US', linked: true, screen: true }).then((session) => (this.session ??= session));
    return this.firstSession;
  }

  private async begin(start: SessionStart): Promise<RecordedSession> {
    const session = await RecordedSession.begin(this.options, start);
    this.add({ kind: 'started', locale: session.start.locale, linked: start.linked, screen: start.screen });
    return session;
  }

  /** A new simulated user and conversation. */
  restart(start: SessionStart): Promise<Entry[]> {
    return this.serial(async () => {
      const from = this.entries.length;
      this.browserLinkFor = undefined;
      this.session = await this.begin(start);
      this.addFaults(this.session.noticeFaults());
      return this.entries.slice(from);
    });
  }

  /** Entries after `afterId` (all of them for 0), oldest first. */
  async entriesAfter(afterId: number): Promise<Entry[]> {
    await this.current();
    return this.entries.filter((entry) => entry.id > afterId);
  }

  /** One typed line (an utterance or a simulator command), as the terminal runs it; resolves with the entries it added. */
  runLine(line: string): Promise<Entry[]> {
    return this.serial(async () => {
      const session = await this.current();
      const from = this.entries.length;
      try {
        const { outcome, faults } = await session.run(line);
        this.addFaults(faults);
        this.add(this.entryOf(line, outcome));
      } catch (error) {
        this.add({ kind: 'error', line, text: (error as Error).message });
      }
      return this.entries.slice(from);
    });
  }

  private entryOf(line: string, outcome: CommandOutcome): EntryBody {
    switch (outcome.kind) {
      case 'turn':
        return { kind: 'turn', line, turn: turnView(outcome.turn) };
      case 'reprompt':
        return { kind: 'reprompt', line, text: outcome.text };
      case 'note':
        return { kind: 'note', line, text: outcome.text };
      case 'text':
        return { kind: 'text', line, text: outcome.text };
      case 'quit':
        return { kind: 'note', line, text: 'quit does nothing here: close the tab, or start a new conversation' };
      case 'link':
        return this.linkEntry(line, 'simulator', outcome.outcome);
    }
  }

  private linkEntry(line: string, via: 'simulator' | 'browser', outcome: LinkOutcome): EntryBody {
    const status = this.session === undefined ? 'unlinked' : this.options.linking.status(this.session.simulator.userId);
    return { kind: 'link', line, via, linked: outcome.linked, status, steps: outcome.steps, ...(outcome.problem === undefined ? {} : { problem: outcome.problem }) };
  }

  /** Switches exactly these faults on; recorded in the conversation. */
  setFaults(names: readonly string[], slowMs?: number): Promise<Entry[]> {
    const unknown = names.filter((name) => !isFaultName(name));
    if (unknown.length > 0) return Promise.reject(new RangeError(`unknown fault ${unknown.join(', ')}; known: ${Object.keys(FAULTS).join(', ')}`));
    return this.serial(async () => {
      const session = await this.current();
      return this.addFaults(session.setFaults(names as FaultName[], slowMs));
    });
  }

  /** The authorization URL for linking in a browser window; its consent comes back through /link/callback. */
  beginBrowserLink(): Promise<string> {
    return this.serial(async () => {
      const session = await this.current();
      const url = this.options.linking.beginBrowserLink(session.simulator.userId, session.simulator.locale);
      this.browserLinkFor = session.simulator.userId;
      return url;
    });
  }

  /**
   * /link/callback finished a browser link: when it was this page's user's, the conversation
   * records it as the `link` line it stands for, so a replay links there too.
   */
  browserLinkFinished(outcome: LinkOutcome): void {
    if (outcome.userId === undefined || outcome.userId !== this.browserLinkFor) return;
    this.browserLinkFor = undefined;
    void this.serial(async () => {
      const session = await this.current();
      if (session.simulator.userId !== outcome.userId) return;
      session.recordBrowserLink(outcome.linked);
      this.add(this.linkEntry(outcome.linked ? 'link' : 'link --deny', 'browser', outcome));
    });
  }

  /** A conversation file of everything so far. */
  async exportConversation(about?: string): Promise<Conversation> {
    return (await this.current()).toConversation(about);
  }

  /** Replays a conversation file as a new conversation of the page, which goes on from where it ends. */
  replay(conversation: Conversation, name: string): Promise<Entry[]> {
    return this.serial(async () => {
      const from = this.entries.length;
      this.browserLinkFor = undefined;
      this.add({ kind: 'started', locale: conversation.locale, linked: conversation.linked, screen: conversation.screen, replaying: name });
      const result = await replayConversation(conversation, this.options, (step) => {
        if ('faults' in step) this.addFaults(step.faults);
        else this.add(this.entryOf(step.line, step.outcome));
      });
      this.session = result.session;
      const differing = result.steps.flatMap((step) =>
        'differences' in step && step.differences.length > 0 ? [{ step: step.index + 1, line: step.line, differences: step.differences }] : [],
      );
      this.add({ kind: 'replayed', steps: conversation.steps.length, lines: result.steps.filter((step) => 'line' in step).length, differing });
      return this.entries.slice(from);
    });
  }

  async state(): Promise<SimulatorState> {
    const session = await this.current();
    const { simulator } = session;
    const { linking } = this.options;
    const expiresAt = linking.alexa.accessTokenExpiresAt(simulator.userId);
    const template = linking.alexa.template;
    return {
      userId: simulator.userId,
      locale: simulator.locale,
      locales: availableLocales(),
      screen: simulator.screen,
      sessionOpen: simulator.sessionOpen,
      linking: {
        status: linking.status(simulator.userId),
        enabled: linking.alexa.enabled(simulator.userId),
        ...(expiresAt === undefined ? {} : { accessTokenExpiresInMs: Number.isFinite(expiresAt) ? expiresAt - Date.now() : null }),
        grant: template.type,
        browserLinking: template.type !== 'IMPLICIT',
      },
      faults: { active: this.options.faults.active, available: FAULTS },
      suggestions: suggestionsFor(simulator.locale, this.options.account().playlists[0]?.name ?? 'Morning Run'),
      steps: session.length,
      maxSteps: MAX_STEPS,
      lastEntry: this.entries[this.entries.length - 1]?.id ?? 0,
    };
  }

  /** The demo Spotify's playback and devices, and what the listener table remembers of this user. */
  async demoState(): Promise<DemoState> {
    const session = await this.current();
    const account = this.options.account();
    const playing = account.playlists.find((playlist) => playlistUri(playlist.id) === account.playback.contextUri);
    const remembered = this.options.rememberedItem === undefined ? undefined : ((await this.options.rememberedItem(session.simulator.userId)) ?? null);
    return {
      playback: { ...account.playback, ...(playing === undefined ? {} : { playlist: playing.name }) },
      devices: account.devices.map(({ id, name, type, isActive }) => ({ id, name, type, isActive })),
      ...(remembered === undefined ? {} : { remembered }),
    };
  }
}
