import fc from 'fast-check';
import { TEST_SKILL_ID, TEST_USER_ID } from '../support/envelopes';

/*
 * Generators for what may arrive at the skill: Alexa envelopes with fields missing, of the wrong
 * type, huge or named like prototype properties, with and without a token; and what Spotify may
 * answer: any status, any body, odd headers, bodies that quote the token back.
 */

/** Strings a forger sends to make work or logs grow; built once, picked often. */
const HUGE_STRINGS = ['ab'.repeat(125_000), '<'.repeat(60_000), ' '.repeat(50_000), '('.repeat(30_000), '\uFDFA'.repeat(5_000), 'x'.repeat(300_000)];

const TOKEN_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=', '"', '\\', '|', '\n', ' ', 'é'];

/** Access tokens, some with the characters JSON escapes (quotes, backslashes, newlines) and Amazon's "Atza|" shape. */
export const accessToken = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 12, maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...TOKEN_CHARS.slice(0, 66)), minLength: 20, maxLength: 40 }).map((tail) => `Atza|${tail}`),
).filter((token) => token.trim().length >= 12);

/** A value of any JSON type, small. */
const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.double(), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }));

/** Often `value`, sometimes missing, sometimes of the wrong type. */
function usually<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | unknown> {
  return fc.oneof({ arbitrary: value, weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: wrongType, weight: 1 });
}

const text = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom(...HUGE_STRINGS), weight: 1 },
);

const SPOKEN = [
  'morning run', 'rock and roll', 'deep', 'the third one', 'no', 'yes', 'chill vibes', 'workout two', 'lofi beats', 'neither', 'piano', '..', '<speak>', '&amp;',
  'play it', 'that one', 'e d m', 'rnb', 'die dritte', 'rock und roll', 'keine von beiden', 'zweiundzwanzig', 'la deuxième', 'celle-là', 'quatre-vingt-dix',
  'la tercera', 'esa', 'treinta y dos', 'ninguna de las dos',
];
const spoken = fc.oneof(fc.constantFrom(...SPOKEN), text);

const INTENTS = [
  'ListPlaylistsIntent', 'PlaylistDetailsIntent', 'PlayPlaylistIntent', 'PlayLastPlaylistIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.NextIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.RepeatIntent',
];
const REQUEST_TYPES = [
  'LaunchRequest', 'IntentRequest', 'IntentRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest', 'CanFulfillIntentRequest',
  'System.ExceptionEncountered', 'AlexaSkillEvent.SkillEnabled', 'AlexaSkillEvent.SkillDisabled', 'AlexaSkillEvent.SkillAccountLinked',
  'AlexaSkillEvent.SkillAccountLinked', 'AlexaSkillEvent.SkillPermissionAccepted', 'AudioPlayer.PlaybackStarted', 'Alexa.Presentation.APL.UserEvent', 'Made.Up',
];
/** Every locale the skill speaks, and some it does not. */
const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'fr-FR', 'fr-CA', 'es-ES', 'es-MX', 'es-US', 'it-IT', 'ja-JP', 'xx', ''];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** An object with own keys named like Object.prototype's, as JSON.parse makes them from a request body. */
const prototypeKeyed = fc
  .array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.oneof(wrongType, text)), { minLength: 1, maxLength: 3 })
  .map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  });

/** Ids the demo account has (the first two), ids of the right shape it does not have, and ids that must never become a path. */
const SPOTIFY_ID_CHARS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const playlistId = fc.oneof(
  fc.constantFrom('37i9dQZF1DXcBWIGoYBM5M', '1a2b3c4d5e6f7g8h9i0jRR', '..', '', '../me/player/play', '%2e%2e'),
  fc.string({ unit: fc.constantFrom(...SPOTIFY_ID_CHARS), minLength: 22, maxLength: 22 }),
  text,
);
const playlistRef = fc.record(
  { id: playlistId, name: text, uri: fc.oneof(fc.constant('spotify:playlist:37i9dQZF1DXcBWIGoYBM5M'), text), empty: usually(fc.constant(true)), ownedBySpotify: usually(fc.boolean()) },
  { requiredKeys: ['id', 'name', 'uri'] },
);

/** One entry of the library index: [id, name, version] or [id, name, version, 1], or something near it. */
const libraryEntry = fc.oneof(
  { arbitrary: fc.tuple(playlistId, text, fc.constantFrom('', 'a1b2c3d4', 'zzzzzzzz')), weight: 6 },
  { arbitrary: fc.tuple(playlistId, text, fc.constantFrom('a1b2c3d4'), fc.constantFrom(1, 1, 2, '1')), weight: 2 },
  { arbitrary: fc.tuple(playlistId, usually(text), usually(fc.constantFrom('UPPER', 'toolongversion', 'a1'))), weight: 1 },
  { arbitrary: wrongType, weight: 1 },
);

/** A library index that agrees with its total (sometimes hundreds of entries), or one that does not. */
const library = fc.oneof(
  fc.array(libraryEntry, { maxLength: 310 }).map((entries) => ({ total: entries.length, entries })),
  fc.record({ total: usually(fc.integer({ min: -1, max: 2000 })), entries: usually(fc.array(libraryEntry, { maxLength: 8 })) }, { requiredKeys: [] }),
);

/** "Want me to try again?" pending: the launch, or an intent with its slots, or something that only looks like one. */
const retry = fc.oneof(
  fc.constant({ launch: true }),
  fc.record({
    intent: usually(fc.oneof({ arbitrary: fc.constantFrom(...INTENTS), weight: 6 }, { arbitrary: text, weight: 1 })),
    slots: usually(fc.oneof(fc.record({ playlist: usually(spoken) }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(spoken, wrongType), { maxKeys: 6 }), prototypeKeyed)),
  }, { requiredKeys: [] }),
  fc.record({ launch: wrongType }),
);

const sessionAttributes = fc.oneof(
  fc.constant({}),
  fc.record({ listNextOffset: usually(fc.integer({ min: -5, max: 200 })) }, { requiredKeys: [] }),
  fc.record({ pendingChoice: usually(fc.record({ action: usually(fc.constantFrom('play', 'details')), choices: usually(fc.array(playlistRef, { maxLength: 6 })) })) }),
  fc.record({ offer: usually(fc.oneof(fc.constant({ kind: 'list' }), fc.record({ kind: fc.constant('play'), playlist: playlistRef }))) }),
  fc.record({ playlistEntitiesSent: usually(fc.integer()) }),
  fc.record({ listed: usually(fc.record({ offset: usually(fc.integer({ min: -5, max: 400 })), playlists: usually(fc.array(playlistRef, { maxLength: 12 })) })) }),
  fc.record({ described: usually(playlistRef) }),
  fc.record({ library: usually(library) }),
  fc.record({ retry: usually(retry) }),
  // Several at once, as a session that listed, described and failed once would carry them.
  fc.record(
    { listed: fc.record({ offset: fc.constant(0), playlists: fc.array(playlistRef, { minLength: 1, maxLength: 5 }) }), described: playlistRef, library, retry, offer: fc.constant({ kind: 'list' }) },
    { requiredKeys: [] },
  ),
  prototypeKeyed,
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(wrongType, text), { maxKeys: 4 }),
);

const slot = fc.record(
  {
    name: usually(fc.constant('playlist')),
    value: usually(spoken),
    resolutions: usually(
      fc.record({
        resolutionsPerAuthority: usually(
          fc.array(
            fc.record({
              authority: usually(fc.constantFrom(`amzn1.er-authority.echo-sdk.dynamic.${TEST_SKILL_ID}.PlaylistName`, 'amzn1.er-authority.other')),
              status: usually(fc.record({ code: usually(fc.constantFrom('ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH')) })),
              values: usually(fc.array(fc.record({ value: usually(fc.record({ id: usually(fc.oneof(fc.constantFrom('37i9dQZF1DXcBWIGoYBM5M', '..', '../me'), text)), name: usually(text) })) }), { maxLength: 2 })),
            }),
            { maxLength: 2 },
          ),
        ),
      }),
    ),
  },
  { requiredKeys: [] },
);

const intent = fc.record(
  {
    name: usually(fc.oneof({ arbitrary: fc.constantFrom(...INTENTS), weight: 8 }, { arbitrary: text, weight: 1 })),
    confirmationStatus: usually(fc.constant('NONE')),
    // Name-free requests may name slots the skill does not have, and a forger a great many.
    slots: usually(fc.oneof(fc.record({ playlist: usually(slot) }), prototypeKeyed, fc.dictionary(fc.string({ maxLength: 30 }), slot, { maxKeys: 60 }))),
  },
  { requiredKeys: [] },
);

const request = fc.record(
  {
    type: usually(fc.oneof({ arbitrary: fc.constantFrom(...REQUEST_TYPES), weight: 8 }, { arbitrary: text, weight: 1 })),
    requestId: usually(fc.oneof(fc.constant('amzn1.echo-api.request.r'), text)),
    timestamp: usually(fc.constant(new Date().toISOString())),
    locale: usually(fc.oneof(fc.constantFrom(...LOCALES), text)),
    intent: usually(intent),
    dialogState: usually(fc.constantFrom('STARTED', 'IN_PROGRESS', 'COMPLETED')),
    reason: usually(fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS')),
    error: usually(fc.record({ type: usually(text), message: usually(text) })),
    body: usually(fc.record({ accessToken: usually(text), userInformationPersistenceStatus: usually(fc.constantFrom('PERSISTED', 'NOT_PERSISTED')) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['type'] },
);

/** Where an envelope carries its token: both places (as Alexa sends it), one only, or none. */
const tokenPlacement = fc.constantFrom('both', 'both', 'context', 'session', 'none');

export interface GeneratedEnvelope {
  /** The envelope as the Lambda runtime would hand it over: JSON parsed, own "__proto__" keys and all. */
  readonly event: unknown;
  /** The linked access token it carries, if any (the stand-in knows it). */
  readonly token: string | undefined;
  /** Alexa's API token, when the envelope has a context to carry it. */
  readonly apiAccessToken: string | undefined;
  /** The new token a SkillAccountLinked event carries in its body, when it carries one. */
  readonly linkedEventToken: string | undefined;
}

/** An Alexa request envelope, plausible or not. */
export const envelope: fc.Arbitrary<GeneratedEnvelope> = fc
  .record({
    token: accessToken,
    apiAccessToken: accessToken,
    placement: tokenPlacement,
    version: usually(fc.constant('1.0')),
    newSession: usually(fc.boolean()),
    attributes: usually(sessionAttributes),
    withSession: fc.boolean(),
    withContext: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    apiEndpoint: usually(fc.constantFrom('https://api.amazonalexa.com', 'https://evil.example', 'http://127.0.0.1:1')),
    request: fc.oneof({ arbitrary: request, weight: 12 }, { arbitrary: wrongType, weight: 1 }),
    /** A forger repeating the token where it does not belong: the request id. */
    echoTokenInRequestId: fc.boolean(),
    /** A SkillAccountLinked event's body carries the newly linked token, as Alexa sends it. */
    eventToken: accessToken,
    eventTokenInBody: fc.boolean(),
    /** Several listeners, so the table holds more than one item; and ids no table takes as a key. */
    userId: fc.oneof(
      { arbitrary: fc.constantFrom(TEST_USER_ID, 'amzn1.ask.account.SECOND', 'amzn1.ask.account.THIRD', 'amzn1.ask.account.FOURTH'), weight: 8 },
      { arbitrary: text, weight: 1 },
    ),
  })
  .map((generated) => {
    const linked = generated.placement === 'none' ? undefined : generated.token;
    // A secret is one only where the envelope carries it: the skill cannot know any other.
    const carried = linked !== undefined && ((generated.withContext && generated.placement !== 'session') || (generated.withSession && generated.placement !== 'context'));
    const apiAccessToken = generated.withContext ? generated.apiAccessToken : undefined;
    const user = (inPlace: boolean) => ({ userId: generated.userId, ...(linked !== undefined && inPlace ? { accessToken: linked } : {}) });
    const isObject = typeof generated.request === 'object' && generated.request !== null && !Array.isArray(generated.request);
    const linkedEvent = isObject && generated.eventTokenInBody && (generated.request as { type?: unknown }).type === 'AlexaSkillEvent.SkillAccountLinked';
    const requestPart = isObject
      ? {
          ...(generated.request as Record<string, unknown>),
          ...(generated.echoTokenInRequestId ? { requestId: `forged ${generated.token} ${generated.apiAccessToken}` } : {}),
          ...(linkedEvent ? { body: { accessToken: generated.eventToken } } : {}),
        }
      : generated.request;
    const envelope: Record<string, unknown> = {
      version: generated.version,
      ...(generated.withSession
        ? { session: { new: generated.newSession, sessionId: 'amzn1.echo-api.session.s', application: { applicationId: TEST_SKILL_ID }, user: user(generated.placement !== 'context'), attributes: generated.attributes } }
        : {}),
      ...(generated.withContext
        ? {
            context: {
              System: {
                application: { applicationId: TEST_SKILL_ID },
                user: user(generated.placement !== 'session'),
                device: { deviceId: 'amzn1.ask.device.D', supportedInterfaces: {} },
                apiEndpoint: generated.apiEndpoint,
                apiAccessToken: generated.apiAccessToken,
              },
            },
          }
        : {}),
      request: requestPart,
    };
    return { event: JSON.parse(JSON.stringify(envelope)) as unknown, token: carried ? linked : undefined, apiAccessToken, linkedEventToken: linkedEvent ? generated.eventToken : undefined };
  });

export interface SpotifyAnswer {
  readonly status: number;
  readonly contentType: string;
  /** The body; `{token}` stands for the caller's access token, put in when the answer is served. */
  readonly body: string;
  readonly headers: Record<string, string>;
}

const headerValue = fc.string({ unit: fc.constantFrom(...' !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~'), maxLength: 40 });

/** Anything Spotify (or a proxy in front of it) might answer, often quoting the token back. */
export const spotifyAnswer: fc.Arbitrary<SpotifyAnswer> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503),
    fc.integer({ min: 200, max: 599 }),
  ),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', '', 'application/octet-stream'),
  body: fc.oneof(
    fc.constant('{"error":{"status":401,"message":"Invalid access token: {token}"}}'),
    fc.constant('{"error":{"status":403,"message":"Player command failed: {token}","reason":"PREMIUM_REQUIRED"}}'),
    fc.constant('{"error":{"status":404,"message":"No active device {token}","reason":"NO_ACTIVE_DEVICE {token}"}}'),
    fc.constant('<html><body>Bearer {token}</body></html>'),
    fc.constant('Invalid access token {token}'),
    fc.constant('{"items":[{"id":"{token}","name":"{token}"}],"total":1}'),
    fc.constant('{"items":[],"total":0,"limit":50,"offset":0,"next":null}'),
    fc.constant('{"devices":[{"id":null,"name":"x","type":"Speaker","is_active":true}]}'),
    fc.constant(`{"error":{"status":500,"message":"${'m'.repeat(100_000)} {token}"}}`),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 200 }),
  ),
  headers: fc.dictionary(fc.constantFrom('retry-after', 'x-odd', 'cache-control', 'www-authenticate', 'x-token-echo'), headerValue, { maxKeys: 3 }),
});

/** A linked request that reaches Spotify, for the Spotify property. */
export const linkedSpotifyRequest = fc.record({
  token: accessToken,
  intent: fc.constantFrom('ListPlaylistsIntent', 'PlayPlaylistIntent', 'PlaylistDetailsIntent', 'LaunchRequest'),
  spoken: fc.constantFrom('morning run', 'deep', 'rock and roll', 'nothing like it'),
});
