import { randomUUID } from 'node:crypto';
import type { dialog, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest, sessionEndedRequest, type EnvelopeOptions } from '../../test/support/envelopes';
import { repromptText } from '../../test/support/responses';
import type { LocalDirectiveService, ProgressiveResponse } from '../alexaApi/directives';
import type { SkillInvoker } from '../endpoint/alexaEndpoint';
import type { RequestToken } from '../linking/alexaLinking';
import type { LocalLinking } from '../linking/localLinking';
import { loadLanguageModel } from './interactionModel';
import { UtteranceResolver, type ElicitedSlot, type Resolution } from './utterances';

/** One exchange: what was typed, what Alexa made of it, and what went back and forth. */
export interface Turn {
  readonly said: string;
  readonly resolution: Resolution;
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
  /** Alexa keeps listening only when the skill said shouldEndSession: false. */
  readonly sessionOpen: boolean;
  /** What Alexa did about the account before sending the request (a refresh, a failed one). */
  readonly linkingNotes: readonly string[];
  /** What the skill had Alexa say while it worked (progressive responses), heard before its answer. */
  readonly progressive: readonly ProgressiveResponse[];
}

/** Follows a turn while it happens: the request about to go out, then each progressive response the moment the skill sends it. */
export interface TurnObserver {
  sending?(request: Pick<Turn, 'resolution' | 'linkingNotes'>): void;
  progressive?(speech: ProgressiveResponse): void;
}

/** What silence does: nothing outside a session; the reprompt first; then Alexa gives up and ends the session. */
export type Silence = { readonly kind: 'no session' } | { readonly kind: 'reprompt'; readonly text: string } | { readonly kind: 'ended'; readonly turn: Turn };

export interface SimulatorOptions {
  readonly skill: SkillInvoker;
  readonly locale?: string;
  /** Account linking in the local run; without it every request is unlinked. */
  readonly linking?: LocalLinking;
  /** The simulated Alexa user; a new one by default. */
  readonly userId?: string;
  /** Must match SKILL_ID when the skill checks it. */
  readonly skillId?: string;
  /** Alexa's directive service in the local run; without it, envelopes name Alexa's own API and nothing said while waiting is seen. */
  readonly directives?: LocalDirectiveService;
  readonly modelsDir?: string;
}

const UNLINKED: RequestToken = { accessToken: undefined, notes: [] };

/** A locale as typed ("en-us", "EN_gb") in the form the models are named by ("en-US"). */
export function normaliseLocale(locale: string): string {
  const parts = /^([a-z]{2})[-_]([a-z]{2})$/i.exec(locale.trim());
  return parts === null ? locale.trim() : `${parts[1]!.toLowerCase()}-${parts[2]!.toUpperCase()}`;
}

/**
 * A device and Alexa's language understanding, in miniature: typed words become request
 * envelopes (built by the tests' own builder), go to the real skill object, and the session
 * with its attributes is carried from turn to turn as Alexa would.
 */
export class Simulator {
  readonly userId: string;
  private resolver: UtteranceResolver;
  private currentLocale: string;
  private sessionId: string | undefined;
  private attributes: Record<string, unknown> = {};
  private lastTurn: Turn | undefined;
  /** Alexa has already said the reprompt once in this session's silence. */
  private reprompted = false;

  constructor(private readonly options: SimulatorOptions) {
    this.currentLocale = normaliseLocale(options.locale ?? 'en-US');
    this.resolver = new UtteranceResolver(loadLanguageModel(this.currentLocale, options.modelsDir), this.currentLocale);
    this.userId = options.userId ?? `amzn1.ask.account.LOCAL-${randomUUID()}`;
  }

  get locale(): string {
    return this.currentLocale;
  }

  get linking(): LocalLinking | undefined {
    return this.options.linking;
  }

  get linked(): boolean {
    return this.options.linking?.status(this.userId) === 'linked';
  }

  get sessionOpen(): boolean {
    return this.sessionId !== undefined;
  }

  get last(): Turn | undefined {
    return this.lastTurn;
  }

  /** The slot the skill waits for: its last answer, in the session still open, carried Dialog.ElicitSlot. */
  private get elicited(): ElicitedSlot | undefined {
    return this.sessionOpen && this.lastTurn !== undefined ? elicitedSlot(this.lastTurn.response) : undefined;
  }

  /** Switches to another locale's interaction model ("en-us" is understood); throws InteractionModelError if it has none. */
  setLocale(locale: string): void {
    const normalised = normaliseLocale(locale);
    this.resolver = new UtteranceResolver(loadLanguageModel(normalised, this.options.modelsDir), normalised);
    this.currentLocale = normalised;
    this.sessionId = undefined;
  }

  resolve(utterance: string): Resolution {
    return this.resolver.resolve(utterance);
  }

  async launch(observer?: TurnObserver): Promise<Turn> {
    return this.send('launch', { kind: 'launch' }, observer);
  }

  async say(utterance: string, observer?: TurnObserver): Promise<Turn> {
    const resolution = this.elicited === undefined ? this.resolver.resolve(utterance) : this.resolver.resolveSlotAnswer(utterance, this.elicited);
    return this.send(utterance, resolution, observer);
  }

  /**
   * The user says nothing. Outside a session nothing happens; in one, Alexa says the reprompt,
   * and if the user is still silent it ends the session with EXCEEDED_MAX_REPROMPTS, as a device does.
   */
  async silence(): Promise<Silence> {
    if (!this.sessionOpen || this.lastTurn === undefined) return { kind: 'no session' };
    if (!this.reprompted) {
      this.reprompted = true;
      return { kind: 'reprompt', text: repromptText(this.lastTurn.response) };
    }
    return { kind: 'ended', turn: await this.send('', { kind: 'silence' }) };
  }

  private async send(said: string, resolution: Resolution, observer?: TurnObserver): Promise<Turn> {
    const startsSession = !this.sessionOpen || resolution.kind === 'launch' || (resolution.kind === 'intent' && resolution.newSession === true);
    if (startsSession) {
      this.sessionId = `amzn1.echo-api.session.local-${randomUUID()}`;
      this.attributes = {};
    }
    this.reprompted = false;
    const access = (await this.options.linking?.tokenForRequest(this.userId)) ?? UNLINKED;
    const requestId = `amzn1.echo-api.request.local-${randomUUID()}`;
    const { directives } = this.options;
    const alexaApi = directives?.open(requestId, observer?.progressive?.bind(observer));
    const options: EnvelopeOptions = {
      requestId,
      ...alexaApi,
      accessToken: access.accessToken ?? null,
      userId: this.userId,
      locale: this.currentLocale,
      sessionId: this.sessionId,
      newSession: startsSession,
      attributes: this.attributes,
      ...(this.options.skillId === undefined ? {} : { skillId: this.options.skillId }),
    };
    const request =
      resolution.kind === 'launch'
        ? launchRequest(options)
        : resolution.kind === 'exit'
          ? sessionEndedRequest('USER_INITIATED', options)
          : resolution.kind === 'silence'
            ? sessionEndedRequest('EXCEEDED_MAX_REPROMPTS', options)
            : intentRequest(resolution.name, { ...resolution.slots }, options);
    observer?.sending?.({ resolution, linkingNotes: access.notes });
    let response: ResponseEnvelope;
    let progressive: ProgressiveResponse[] = [];
    try {
      response = await this.options.skill.invoke(request);
    } finally {
      // Alexa plays only what arrived before the answer.
      if (alexaApi !== undefined) progressive = directives?.close(alexaApi.apiAccessToken) ?? [];
    }
    const sessionOpen = resolution.kind !== 'exit' && resolution.kind !== 'silence' && response.response.shouldEndSession === false;
    if (sessionOpen) this.attributes = { ...(response.sessionAttributes ?? {}) };
    else this.sessionId = undefined;
    this.lastTurn = { said, resolution, request, response, sessionOpen, linkingNotes: access.notes, progressive };
    return this.lastTurn;
  }
}

/** The slot the skill asked for, from a Dialog.ElicitSlot directive in its answer. */
function elicitedSlot(response: ResponseEnvelope): ElicitedSlot | undefined {
  const directive = response.response.directives?.find((candidate) => candidate.type === 'Dialog.ElicitSlot') as dialog.ElicitSlotDirective | undefined;
  const intent = directive?.updatedIntent;
  if (directive === undefined || intent === undefined) return undefined;
  const filled = Object.fromEntries(Object.entries(intent.slots ?? {}).map(([name, slot]) => [name, slot.value]));
  return { intent: intent.name, slot: directive.slotToElicit, filled };
}
