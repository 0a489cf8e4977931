import { AttributesManagerFactory, ResponseFactory, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { errorHandler } from '../../lambda/handlers/errorHandler';
import { Logger } from '../../lambda/logging/logger';
import { BadResponse, Forbidden, NoActiveDevice, NotFound, PremiumRequired, RateLimited, Timeout, Unauthorized, Unavailable } from '../../lambda/spotify';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { FaultSwitch } from '../../local/spotify/faults';
import { errorJson } from '../../local/spotify/model';
import type { Fault } from '../../local/spotify/standIn';
import { intentRequest, launchRequest } from '../support/envelopes';
import { cardType, endsSession, repromptText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';
import { refusedBaseUrl } from '../support/spotifyClient';

const REVOKED_TOKEN = 'a-revoked-token-value';
const list = (accessToken = DEMO_ACCESS_TOKEN) => intentRequest('ListPlaylistsIntent', {}, { accessToken });

const RELINK = /link has expired.*link Spotify again/;
const UNREACHABLE = /couldn't reach Spotify just now/;
const BUSY = /Spotify is busy right now/;
const NOT_REGISTERED = /^Playlist Pal's Spotify app hasn't been opened to your Spotify account yet\./;

/** What the session does after the sentence: open for "yes" to try again or to list, or closed. */
type After = 'retry' | 'offerList' | 'ends';

interface FailureCase {
  readonly fault: Fault;
  readonly speech: RegExp;
  readonly after: After;
  /** The typed error the client raised, as the error log names it. */
  readonly error: string;
}

const missingName = { href: 'x', limit: 5, offset: 0, next: null, previous: null, total: 1, items: [{ id: 'p1', uri: 'spotify:playlist:p1' }] };
const inAMinute = () => new Date(Date.now() + 60_000).toUTCString();

const FAILURES: Record<string, FailureCase> = {
  'Spotify says 401': { fault: { kind: 'status', status: 401 }, after: 'ends', speech: RELINK, error: 'Unauthorized' },
  'Spotify says 403 PREMIUM_REQUIRED': {
    fault: { kind: 'status', status: 403, body: errorJson(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED') },
    after: 'offerList', speech: /needs a Spotify Premium account/,
    error: 'PremiumRequired',
  },
  'Spotify says 403 for another reason': { fault: { kind: 'status', status: 403 }, after: 'ends', speech: /^Spotify didn't allow that for your account, so I couldn't do it\./, error: 'Forbidden' },
  'Spotify says 404 NO_ACTIVE_DEVICE': {
    fault: { kind: 'status', status: 404, body: errorJson(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE') },
    after: 'retry', speech: /couldn't find a device to play on/,
    error: 'NoActiveDevice',
  },
  'Spotify says 403 "User not registered in the Developer Dashboard"': {
    fault: { kind: 'status', status: 403, body: errorJson(403, 'User not registered in the Developer Dashboard') },
    after: 'ends', speech: NOT_REGISTERED,
    error: 'UserNotRegistered',
  },
  'Spotify says 403 "the user may not be registered"': {
    fault: { kind: 'status', status: 403, body: errorJson(403, 'Check settings on developer.spotify.com/dashboard, the user may not be registered.') },
    after: 'ends', speech: NOT_REGISTERED,
    error: 'UserNotRegistered',
  },
  'Spotify says 403 "the user is not registered for this application", as plain text': {
    fault: { kind: 'raw', status: 403, contentType: 'text/plain', body: 'The user is not registered for this application. Please contact the app owner.' },
    after: 'ends', speech: NOT_REGISTERED,
    error: 'UserNotRegistered',
  },
  'Spotify says a plain 404': { fault: { kind: 'status', status: 404 }, after: 'offerList', speech: /couldn't find that on Spotify/, error: 'NotFound' },
  'Spotify is rate limiting for longer than the budget': {
    fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } },
    after: 'retry', speech: BUSY,
    error: 'RateLimited',
  },
  'Spotify is rate limiting until an HTTP date a minute away': {
    fault: { kind: 'status', status: 429, headers: { 'retry-after': inAMinute() } },
    after: 'retry', speech: BUSY,
    error: 'RateLimited',
  },
  'Spotify keeps failing with 500': { fault: { kind: 'status', status: 500 }, after: 'retry', speech: UNREACHABLE, error: 'Unavailable' },
  'Spotify keeps failing with 502': { fault: { kind: 'status', status: 502 }, after: 'retry', speech: UNREACHABLE, error: 'Unavailable' },
  'Spotify keeps failing with 503': { fault: { kind: 'status', status: 503 }, after: 'retry', speech: UNREACHABLE, error: 'Unavailable' },
  'the connection keeps being reset': { fault: { kind: 'reset' }, after: 'retry', speech: UNREACHABLE, error: 'Unavailable' },
  'Spotify accepts and never answers': { fault: { kind: 'hang' }, after: 'retry', speech: UNREACHABLE, error: 'Timeout' },
  'Spotify answers with an HTML page': {
    fault: { kind: 'raw', status: 200, contentType: 'text/html', body: '<html>oops</html>' },
    after: 'retry', speech: UNREACHABLE,
    error: 'BadResponse',
  },
  'the JSON is cut off mid-body': { fault: { kind: 'truncate' }, after: 'retry', speech: UNREACHABLE, error: 'BadResponse' },
  'the JSON ends early': {
    fault: { kind: 'raw', status: 200, contentType: 'application/json', body: '{"items":[' },
    after: 'retry', speech: UNREACHABLE,
    error: 'BadResponse',
  },
  'Spotify answers 200 with an empty body': {
    fault: { kind: 'raw', status: 200, contentType: 'application/json', body: '' },
    after: 'retry', speech: UNREACHABLE,
    error: 'BadResponse',
  },
  'Spotify answers 200 without a field the skill uses': { fault: { kind: 'status', status: 200, body: missingName }, after: 'retry', speech: UNREACHABLE, error: 'BadResponse' },
};

describe('the error handler', () => {
  let harness: Harness;
  let logsBefore = 0;
  beforeAll(async () => {
    harness = await startHarness();
  });
  beforeEach(() => {
    logsBefore = harness.rawLogs.length;
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const newLogs = () => harness.logs.slice(logsBefore);
  const newRawLogs = () => harness.rawLogs.slice(logsBefore).join('\n');
  const loggedError = () => newLogs().find((line) => line.message === 'request failed')?.error as Record<string, unknown> | undefined;

  describe.each([
    ['listing playlists', () => list()],
    ['opening the skill', () => launchRequest({ accessToken: DEMO_ACCESS_TOKEN })],
  ])('when %s', (_, envelope: () => RequestEnvelope) => {
    it.each(Object.entries(FAILURES))('answers usefully when %s, with the relink card only for a 401', async (_, failure) => {
      harness.spotify.inject({ path: '/me/playlists', fault: failure.fault, times: 2 });

      const response = await harness.ask(envelope());

      expect(spokenText(response)).toMatch(failure.speech);
      expect(cardType(response)).toBe(failure.error === 'Unauthorized' ? 'LinkAccount' : undefined);
      expect(endsSession(response)).toBe(failure.after === 'ends');
      expect(repromptText(response)).toBe({ retry: 'Should I try again? Say yes or no.', offerList: 'Should I list your playlists? Say yes or no.', ends: '' }[failure.after]);
      expect(response.sessionAttributes?.retry !== undefined).toBe(failure.after === 'retry');
      expect(response.sessionAttributes?.offer).toEqual(failure.after === 'offerList' ? { kind: 'list' } : undefined);
      expect(harness.spotify.requests.length).toBeLessThanOrEqual(2);
      expect(loggedError()).toMatchObject({ name: failure.error, operation: 'playlists.listMine' });
      expect(newRawLogs()).not.toContain(DEMO_ACCESS_TOKEN);
    });
  });

  it("plays the demo Spotify's not-registered fault, and logs where the developer adds the account", async () => {
    new FaultSwitch(harness.spotify).switchOn('not-registered');

    const response = await harness.ask(list());

    expect(spokenText(response)).toMatch(NOT_REGISTERED);
    expect(newLogs().find((line) => line.message === 'request failed')?.hint).toMatch(/User Management in the Spotify developer dashboard/);
  });

  it('sends the relink card when Spotify no longer knows the token, and never logs it', async () => {
    const response = await harness.ask(list(REVOKED_TOKEN));

    expect(spokenText(response)).toMatch(RELINK);
    expect(cardType(response)).toBe('LinkAccount');
    expect(loggedError()).toMatchObject({ name: 'Unauthorized', status: 401, spotifyMessage: 'Invalid access token' });
    expect(newRawLogs()).not.toContain(REVOKED_TOKEN);
  });

  it.each([
    ['one 500', { kind: 'status', status: 500 } as Fault],
    ['one 502', { kind: 'status', status: 502 } as Fault],
    ['one 503', { kind: 'status', status: 503 } as Fault],
    ['one reset connection', { kind: 'reset' } as Fault],
    ['a 429 with a short Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '0' } } as Fault],
    ['a 429 with an HTTP date already past', { kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() - 5000).toUTCString() } } as Fault],
  ])('recovers from %s by retrying once', async (_, fault) => {
    harness.spotify.inject({ path: '/me/playlists', fault });

    const response = await harness.ask(list());

    expect(spokenText(response)).toMatch(/^You have 30 playlists/);
    expect(harness.spotify.requests).toHaveLength(2);
    expect(newRawLogs()).not.toContain(DEMO_ACCESS_TOKEN);
  });
});

describe('the error handler when Spotify refuses connections', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { SPOTIFY_API_BASE_URL: await refusedBaseUrl() } });
  });
  afterAll(() => harness.close());

  it('says it could not reach Spotify, without a card and without the token in the logs', async () => {
    const response = await harness.ask(list());

    expect(spokenText(response)).toBe("Sorry, I couldn't reach Spotify just now. Want me to try again?");
    expect(cardType(response)).toBeUndefined();
    expect(endsSession(response)).toBe(false);
    expect(harness.logs.find((line) => line.message === 'request failed')?.error).toMatchObject({ name: 'Unavailable' });
    expect(harness.rawLogs.join('\n')).not.toContain(DEMO_ACCESS_TOKEN);
  });
});

describe('the error handler on its own', () => {
  const lines: Array<Record<string, unknown>> = [];
  const handler = errorHandler(new Logger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)));
  const inputFor = (envelope: RequestEnvelope) =>
    ({ requestEnvelope: envelope, responseBuilder: ResponseFactory.init(), attributesManager: AttributesManagerFactory.init({ requestEnvelope: envelope }) }) as HandlerInput;
  beforeEach(() => {
    lines.length = 0;
  });

  it('always takes the error', () => {
    expect(handler.canHandle(inputFor(list()), new Error('x'))).toBe(true);
  });

  it('logs a failure of Spotify as a warning, with the request type and intent', () => {
    handler.handle(inputFor(list()), new Unavailable('down', { operation: 'playlists.listMine', status: 503 }));

    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', message: 'request failed', requestType: 'IntentRequest', intent: 'ListPlaylistsIntent', error: expect.objectContaining({ name: 'Unavailable' }) }),
    ]);
  });

  it('logs anything else as an error and answers with the generic sentence, without a card', () => {
    const response = handler.handle(inputFor(launchRequest()), new TypeError('a bug')) as Response;

    expect(lines).toEqual([expect.objectContaining({ level: 'error', requestType: 'LaunchRequest', error: expect.objectContaining({ name: 'TypeError', message: 'a bug' }) })]);
    expect(spokenText({ version: '1.0', response } as never)).toMatch(/Sorry, something went wrong/);
    expect(response.card).toBeUndefined();
    expect(response.shouldEndSession).toBe(true);
  });

  it.each([
    [new RateLimited(30, { operation: 'op', status: 429 }), BUSY],
    [new Timeout('late', { operation: 'op' }), UNREACHABLE],
    [new BadResponse('html', { operation: 'op', status: 200 }), UNREACHABLE],
    [new Unavailable('down', { operation: 'op', status: 500 }), UNREACHABLE],
    [new PremiumRequired('premium', { operation: 'op', status: 403 }), /Premium/],
    [new NoActiveDevice('none', { operation: 'op', status: 404 }), /open Spotify on/i],
    [new NotFound('gone', { operation: 'op', status: 404 }), /couldn't find that on Spotify/],
    [new Forbidden('no', { operation: 'op', status: 403 }), /Spotify didn't allow that/],
  ])('answers %p with its own sentence', (error, speech) => {
    expect(spokenText({ version: '1.0', response: handler.handle(inputFor(list()), error) } as never)).toMatch(speech);
  });

  it('answers a 401 with the relink card', () => {
    const response = handler.handle(inputFor(list()), new Unauthorized('expired', { operation: 'op', status: 401 })) as Response;

    expect(response.card?.type).toBe('LinkAccount');
  });
});
