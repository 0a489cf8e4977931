import type { LocalDirectiveService } from '../alexaApi/directives';
import type { SkillInvoker } from '../endpoint/alexaEndpoint';
import type { LocalLinking } from '../linking/localLinking';
import { executeCommand, parseLine, type CommandOutcome } from '../simulator/commands';
import { Simulator, type TurnObserver } from '../simulator/simulator';
import type { FaultName, FaultSwitch } from '../spotify/faults';
import { answerOf, compareAnswers, CONVERSATION_FORMAT, isFaultStep, MAX_STEPS, type Answer, type Conversation, type FaultStep, type Step } from './conversation';

/** What a recorded session runs on: the local runtime's skill, account linking, Alexa API and the demo Spotify's fault switch. */
export interface SessionParts {
  readonly skill: SkillInvoker;
  readonly linking: LocalLinking;
  readonly directives: LocalDirectiveService;
  readonly faults: FaultSwitch;
  readonly skillId?: string | undefined;
  /** Puts the demo Spotify back as it starts (nothing playing, no device active), so a replay begins where its recording did. */
  readonly resetDemo?: () => void;
}

export interface SessionStart {
  readonly locale: string;
  readonly linked: boolean;
  readonly screen: boolean;
}

/** The conversation is full: start a new one (a conversation file keeps at most MAX_STEPS steps). */
export class ConversationFullError extends Error {
  override readonly name = 'ConversationFullError';
  constructor() {
    super(`this conversation has ${MAX_STEPS} steps, as many as a conversation file keeps: export it, then start a new one`);
  }
}

/** Which faults are on, in the form a fault step keeps. */
function faultStepOf(faults: FaultSwitch): FaultStep {
  const slow = faults.active.find((fault) => fault.name === 'slow');
  return { faults: [...new Set(faults.active.map((fault) => fault.name))], ...(slow?.ms === undefined ? {} : { slowMs: slow.ms }) };
}

const sameFaults = (a: FaultStep, b: FaultStep) => JSON.stringify([[...a.faults].sort(), a.slowMs]) === JSON.stringify([[...b.faults].sort(), b.slowMs]);

/**
 * One simulated user's conversation, recorded as it goes: each line is parsed and run exactly as
 * the terminal simulator runs it (parseLine, executeCommand), and what was heard is kept beside
 * it. Fault changes are recorded too, whoever made them (the page, or curl to /admin/faults).
 */
export class RecordedSession {
  private readonly steps: Step[] = [];
  private faultsSeen: FaultStep = { faults: [] };

  private constructor(
    readonly simulator: Simulator,
    private readonly parts: SessionParts,
    readonly start: SessionStart,
  ) {}

  /** A new simulated user, enabled, and linked through the whole flow when `linked`; the faults now on are its first step. */
  static async begin(parts: SessionParts, start: SessionStart): Promise<RecordedSession> {
    const simulator = new Simulator({ skill: parts.skill, linking: parts.linking, directives: parts.directives, locale: start.locale, screen: start.screen, skillId: parts.skillId });
    const problem = await parts.linking.prepare(simulator.userId, { linked: start.linked, locale: simulator.locale });
    if (problem !== undefined) throw new Error(problem);
    const session = new RecordedSession(simulator, parts, { ...start, locale: simulator.locale });
    session.noticeFaults();
    return session;
  }

  get length(): number {
    return this.steps.length;
  }

  /** Records the faults now on if they changed since the last step; returns the step when it did. */
  noticeFaults(): FaultStep | undefined {
    const now = faultStepOf(this.parts.faults);
    if (sameFaults(now, this.faultsSeen)) return undefined;
    this.faultsSeen = now;
    this.record(now);
    return now;
  }

  /** Switches exactly these faults on (all others off), and records it. */
  setFaults(names: readonly FaultName[], slowMs?: number): FaultStep | undefined {
    this.parts.faults.clear();
    for (const name of new Set(names)) this.parts.faults.switchOn(name, name === 'slow' && slowMs !== undefined ? { ms: slowMs } : {});
    return this.noticeFaults();
  }

  /** Types one line into the simulator, as in the terminal, and records what was heard. */
  async run(line: string, observer?: TurnObserver): Promise<{ outcome: CommandOutcome; answer: Answer; faults: FaultStep | undefined }> {
    if (this.steps.length >= MAX_STEPS - 1) throw new ConversationFullError();
    const faults = this.noticeFaults();
    const outcome = await executeCommand(parseLine(line), this.simulator, observer);
    const answer = answerOf(outcome);
    // Help and the raw envelopes change nothing in the conversation: a replay need not type them.
    if (outcome.kind !== 'text' && outcome.kind !== 'quit') this.record({ line, answer });
    return { outcome, answer, faults };
  }

  /**
   * Linking finished in a browser window (consent on the authorization server's real page):
   * recorded as the line a replay runs as the simulated Alexa app, `link` when it linked and
   * `link --deny` (Cancel on the consent page) when it did not.
   */
  recordBrowserLink(linked: boolean): void {
    this.noticeFaults();
    this.record({ line: linked ? 'link' : 'link --deny', answer: { linked } });
  }

  /** The conversation so far, as a file keeps it. */
  toConversation(about?: string): Conversation {
    return {
      format: CONVERSATION_FORMAT,
      ...(about === undefined || about.trim() === '' ? {} : { about: about.trim() }),
      locale: this.start.locale,
      linked: this.start.linked,
      screen: this.start.screen,
      steps: [...this.steps],
    };
  }

  private record(step: Step): void {
    if (this.steps.length >= MAX_STEPS) throw new ConversationFullError();
    this.steps.push(step);
  }
}

/** One replayed step: the line or the faults, and for a line what the file expected, what was heard, and how they differ. */
export type ReplayedStep =
  | { readonly index: number; readonly faults: FaultStep }
  | { readonly index: number; readonly line: string; readonly outcome: CommandOutcome; readonly expected: Answer; readonly heard: Answer; readonly differences: readonly string[] };

export interface ReplayResult {
  readonly session: RecordedSession;
  readonly steps: readonly ReplayedStep[];
  /** Every line was answered as the file says. */
  readonly matched: boolean;
}

/**
 * Replays a conversation: a new simulated user as the file starts (locale, linked, screen), the
 * demo Spotify as it starts, no faults; then each step in order. `onStep` sees each as it ends.
 * Faults are left as the conversation leaves them.
 */
export async function replayConversation(conversation: Conversation, parts: SessionParts, onStep?: (step: ReplayedStep) => void): Promise<ReplayResult> {
  parts.faults.clear();
  parts.resetDemo?.();
  const session = await RecordedSession.begin(parts, { locale: conversation.locale, linked: conversation.linked, screen: conversation.screen });
  const steps: ReplayedStep[] = [];
  for (const [index, step] of conversation.steps.entries()) {
    let replayed: ReplayedStep;
    if (isFaultStep(step)) {
      session.setFaults(step.faults, step.slowMs);
      replayed = { index, faults: step };
    } else {
      const { outcome, answer } = await session.run(step.line);
      replayed = { index, line: step.line, outcome, expected: step.answer, heard: answer, differences: compareAnswers(step.answer, answer) };
    }
    steps.push(replayed);
    onStep?.(replayed);
  }
  return { session, steps, matched: steps.every((step) => !('differences' in step) || step.differences.length === 0) };
}
