import type { IntentRequest, RequestEnvelope, Slot, SupportedInterfaces } from 'ask-sdk-model';

/**
 * The one place that builds Alexa request envelopes, for the tests and the local simulator.
 * Defaults describe a linked en-US Echo without a screen in a fresh session.
 */
export interface EnvelopeOptions {
  /** The linked account's token; null for an unlinked user. */
  accessToken?: string | null;
  /** Put the token only in session.user (as older simulators do), not in context.System.user. */
  tokenInSessionOnly?: boolean;
  /** Put the token only in context.System.user, not in session.user. */
  tokenInContextOnly?: boolean;
  locale?: string;
  skillId?: string;
  userId?: string;
  deviceId?: string;
  /** Session attributes carried from the previous turn; presence makes it a continuing session. */
  attributes?: Record<string, unknown>;
  sessionId?: string;
  newSession?: boolean;
  /** Adds APL support and a viewport, as a device with a screen sends. */
  screen?: boolean;
  timestamp?: string;
  requestId?: string;
  /** Where the skill reaches Alexa's API (progressive responses), and the token it uses there. */
  apiEndpoint?: string;
  apiAccessToken?: string;
}

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001';
export const TEST_USER_ID = 'amzn1.ask.account.TESTUSER0000000000000000000000';
/** Entity-resolution authorities for the playlist slot type: the session's dynamic entities and the model's own values. */
export const DYNAMIC_AUTHORITY = `amzn1.er-authority.echo-sdk.dynamic.${TEST_SKILL_ID}.PlaylistName`;
export const STATIC_AUTHORITY = `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.PlaylistName`;

let counter = 0;

function base(request: RequestEnvelope['request'], options: EnvelopeOptions): RequestEnvelope {
  const skillId = options.skillId ?? TEST_SKILL_ID;
  const userId = options.userId ?? TEST_USER_ID;
  const token = options.accessToken === undefined ? undefined : options.accessToken ?? undefined;
  const contextToken = options.tokenInSessionOnly ? undefined : token;
  const supportedInterfaces: SupportedInterfaces = options.screen
    ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } }
    : {};
  const envelope: RequestEnvelope = {
    version: '1.0',
    session: {
      new: options.newSession ?? options.attributes === undefined,
      sessionId: options.sessionId ?? 'amzn1.echo-api.session.test-session',
      application: { applicationId: skillId },
      user: { userId, ...(token === undefined || options.tokenInContextOnly ? {} : { accessToken: token }) },
      attributes: options.attributes ?? {},
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user: { userId, ...(contextToken === undefined ? {} : { accessToken: contextToken }) },
        device: { deviceId: options.deviceId ?? 'amzn1.ask.device.TESTDEVICE', supportedInterfaces },
        apiEndpoint: options.apiEndpoint ?? 'https://api.amazonalexa.com',
        apiAccessToken: options.apiAccessToken ?? 'alexa-api-access-token-for-tests',
      },
      ...(options.screen
        ? {
            Viewport: {
              experiences: [{ canRotate: false, canResize: false }],
              shape: 'RECTANGLE',
              pixelWidth: 1280,
              pixelHeight: 800,
              dpi: 160,
              currentPixelWidth: 1280,
              currentPixelHeight: 800,
              touch: ['SINGLE'],
            },
          }
        : {}),
    } as RequestEnvelope['context'],
    request,
  };
  return envelope;
}

function common(options: EnvelopeOptions) {
  counter += 1;
  return {
    requestId: options.requestId ?? `amzn1.echo-api.request.test-${counter}`,
    timestamp: options.timestamp ?? new Date().toISOString(),
    locale: options.locale ?? 'en-US',
  };
}

export function launchRequest(options: EnvelopeOptions = {}): RequestEnvelope {
  return base({ type: 'LaunchRequest', ...common(options) }, options);
}

/** An IntentRequest; `slots` maps slot names to spoken values (undefined: slot present but empty). */
export function intentRequest(
  name: string,
  slots: Record<string, string | undefined> = {},
  options: EnvelopeOptions = {},
): RequestEnvelope {
  const intentSlots: Record<string, Slot> = {};
  for (const [slotName, value] of Object.entries(slots)) {
    intentSlots[slotName] = { name: slotName, confirmationStatus: 'NONE', ...(value === undefined ? {} : { value }) } as Slot;
  }
  const request: IntentRequest = {
    type: 'IntentRequest',
    ...common(options),
    dialogState: 'COMPLETED',
    intent: { name, confirmationStatus: 'NONE', slots: intentSlots },
  };
  return base(request, options);
}

export function sessionEndedRequest(
  reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS' = 'USER_INITIATED',
  options: EnvelopeOptions = {},
): RequestEnvelope {
  return base({ type: 'SessionEndedRequest', ...common(options), reason } as RequestEnvelope['request'], options);
}

/** Any other request type, e.g. `System.ExceptionEncountered` or one Alexa adds later. */
export function otherRequest(type: string, fields: Record<string, unknown> = {}, options: EnvelopeOptions = {}): RequestEnvelope {
  return base({ type, ...common(options), ...fields } as unknown as RequestEnvelope['request'], options);
}

export type SkillEventType =
  | 'AlexaSkillEvent.SkillEnabled'
  | 'AlexaSkillEvent.SkillDisabled'
  | 'AlexaSkillEvent.SkillAccountLinked'
  | 'AlexaSkillEvent.SkillPermissionAccepted'
  | 'AlexaSkillEvent.SkillPermissionChanged';

/**
 * A skill event as Alexa sends it: outside any session (no `session` at all), with `eventCreationTime`
 * and `eventPublishingTime`, and a `body` that depends on the event (SkillAccountLinked carries the
 * new `accessToken`; SkillDisabled carries `userInformationPersistenceStatus`).
 */
export function skillEventRequest(type: SkillEventType, body: Record<string, unknown> = {}, options: EnvelopeOptions = {}): RequestEnvelope {
  const { session: _session, ...withoutSession } = base(
    {
      type,
      ...common(options),
      eventCreationTime: options.timestamp ?? new Date().toISOString(),
      eventPublishingTime: options.timestamp ?? new Date().toISOString(),
      body,
    } as unknown as RequestEnvelope['request'],
    options,
  );
  return withoutSession as RequestEnvelope;
}

/**
 * A CanFulfillIntentRequest as Alexa sends it for a name-free request: the intent and the slots
 * it heard, outside any session (Amazon's example has no `session`).
 */
export function canFulfillIntentRequest(
  name: string,
  slots: Record<string, string | undefined> = {},
  options: EnvelopeOptions = {},
): RequestEnvelope {
  const { session: _session, ...withoutSession } = intentRequest(name, slots, options);
  const { dialogState: _dialogState, ...request } = withoutSession.request as IntentRequest;
  return { ...withoutSession, request: { ...request, type: 'CanFulfillIntentRequest' } } as unknown as RequestEnvelope;
}

/** The envelope with the playlist slot resolved by the given authorities, as Alexa sends it. */
export function resolved(envelope: RequestEnvelope, ...authorities: Array<{ authority: string; ids: string[] }>): RequestEnvelope {
  const request = envelope.request as IntentRequest;
  const slot: Slot = {
    ...request.intent.slots!.playlist!,
    resolutions: {
      resolutionsPerAuthority: authorities.map(({ authority, ids }) => ({
        authority,
        status: { code: ids.length > 0 ? 'ER_SUCCESS_MATCH' : 'ER_SUCCESS_NO_MATCH' },
        values: ids.map((id) => ({ value: { id, name: 'whatever alexa says' } })),
      })),
    },
  };
  return { ...envelope, request: { ...request, intent: { ...request.intent, slots: { playlist: slot } } } };
}
