import { randomUUID } from 'node:crypto';
import type { dialog, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest, sessionEndedRequest, type EnvelopeOptions } from '../../test/support/envelopes';
import type { SkillInvoker } from '../endpoint/alexaEndpoint';
import { DEMO_ACCESS_TOKEN } from '../spotify/demoAccount';
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
}

export interface SimulatorOptions {
  readonly skill: SkillInvoker;
  readonly locale?: string;
  /** Start linked to the demo account (default) or unlinked (null). */
  readonly accessToken?: string | null;
  /** Must match SKILL_ID when the skill checks it. */
  readonly skillId?: string;
  readonly modelsDir?: string;
}

/**
 * A device and Alexa's language understanding, in miniature: typed words become request
 * envelopes (built by the tests' own builder), go to the real skill object, and the session
 * with its attributes is carried from turn to turn as Alexa would.
 */
export class Simulator {
  private resolver: UtteranceResolver;
  private currentLocale: string;
  private accessToken: string | null;
  private sessionId: string | undefined;
  private attributes: Record<string, unknown> = {};
  private lastTurn: Turn | undefined;

  constructor(private readonly options: SimulatorOptions) {
    this.currentLocale = options.locale ?? 'en-US';
    this.resolver = new UtteranceResolver(loadLanguageModel(this.currentLocale, options.modelsDir), this.currentLocale);
    this.accessToken = options.accessToken === undefined ? DEMO_ACCESS_TOKEN : options.accessToken;
  }

  get locale(): string {
    return this.currentLocale;
  }

  get linked(): boolean {
    return this.accessToken !== null;
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

  /** Links the demo account, or whatever token is given (an unknown one meets Spotify's 401). */
  link(token: string = DEMO_ACCESS_TOKEN): void {
    this.accessToken = token;
  }

  unlink(): void {
    this.accessToken = null;
  }

  /** Switches to another locale's interaction model; throws InteractionModelError if it has none. */
  setLocale(locale: string): void {
    this.resolver = new UtteranceResolver(loadLanguageModel(locale, this.options.modelsDir), locale);
    this.currentLocale = locale;
    this.sessionId = undefined;
  }

  resolve(utterance: string): Resolution {
    return this.resolver.resolve(utterance);
  }

  async launch(): Promise<Turn> {
    return this.send('launch', { kind: 'launch' });
  }

  async say(utterance: string): Promise<Turn> {
    const resolution = this.elicited === undefined ? this.resolver.resolve(utterance) : this.resolver.resolveSlotAnswer(utterance, this.elicited);
    return this.send(utterance, resolution);
  }

  private async send(said: string, resolution: Resolution): Promise<Turn> {
    const startsSession = !this.sessionOpen || resolution.kind === 'launch' || (resolution.kind === 'intent' && resolution.newSession === true);
    if (startsSession) {
      this.sessionId = `amzn1.echo-api.session.local-${randomUUID()}`;
      this.attributes = {};
    }
    const options: EnvelopeOptions = {
      accessToken: this.accessToken,
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
          : intentRequest(resolution.name, { ...resolution.slots }, options);
    const response = await this.options.skill.invoke(request);
    const sessionOpen = resolution.kind !== 'exit' && response.response.shouldEndSession === false;
    if (sessionOpen) this.attributes = { ...(response.sessionAttributes ?? {}) };
    else this.sessionId = undefined;
    this.lastTurn = { said, resolution, request, response, sessionOpen };
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
