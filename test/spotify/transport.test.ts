import { createServer, type AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  BadResponse,
  Deadline,
  Forbidden,
  NoActiveDevice,
  NotFound,
  PremiumRequired,
  RateLimited,
  SpotifyError,
  Timeout,
  Unauthorized,
  Unavailable,
} from '../../lambda/spotify';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { errorJson } from '../../local/spotify/model';
import { RetryGate } from '../../lambda/spotify/retryGate';
import { SpotifyTransport, type CallContext, type TransportOptions } from '../../lambda/spotify/transport';
import { SpotifyStandIn, type Fault } from '../../local/spotify/standIn';
import { manualClock, refusedBaseUrl, startClientFixture, type ClientFixture, type ClientFixtureOptions } from '../support/spotifyClient';

const FREE_TOKEN = 'free-account-token';

async function failureOf(promise: Promise<unknown>): Promise<SpotifyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpotifyError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/**
 * One failing listMine on a fresh fixture whose 800 ms deadline runs on a manual clock, which
 * `options` moves: the error, and how many requests reached Spotify.
 */
async function listOnClock(options: (clock: ReturnType<typeof manualClock>) => ClientFixtureOptions, fault: Fault) {
  const clock = manualClock();
  const fixture = await startClientFixture(options(clock));
  fixture.spotify.inject({ path: '/me/playlists', fault });
  try {
    const error = await failureOf(fixture.api({ deadline: Deadline.after(800, undefined, clock.now) }).playlists.listMine({ limit: 5, offset: 0 }));
    return { error, requests: fixture.spotify.requests.length };
  } finally {
    await fixture.close();
  }
}

describe('the Spotify transport', () => {
  let fixture: ClientFixture;
  const waits: number[] = [];
  beforeAll(async () => {
    fixture = await startClientFixture({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount(), [FREE_TOKEN]: demoAccount({ premium: false }) },
      // Waits are recorded, not slept: the tests prove what is waited for, not how long it took.
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });
  afterEach(() => {
    fixture.spotify.reset();
    fixture.events.length = 0;
    waits.length = 0;
  });
  afterAll(() => fixture.close());

  const listMine = () => fixture.api().playlists.listMine({ limit: 5, offset: 0 });
  const injectOnList = (fault: Fault, times = 1) => fixture.spotify.inject({ path: '/me/playlists', fault, times });
  const requestCount = () => fixture.spotify.requests.length;

  describe('turns each way Spotify says no into its own error, without retrying', () => {
    it('a rejected token becomes Unauthorized with Spotify status and message', async () => {
      const error = await failureOf(fixture.api({ token: 'revoked-token' }).playlists.listMine({ limit: 5, offset: 0 }));

      expect(error).toBeInstanceOf(Unauthorized);
      expect(error).toMatchObject({ operation: 'playlists.listMine', status: 401, spotifyMessage: 'Invalid access token' });
      expect(requestCount()).toBe(1);
    });

    it('a 403 PREMIUM_REQUIRED on play becomes PremiumRequired', async () => {
      const error = await failureOf(fixture.api({ token: FREE_TOKEN }).player.play('spotify:playlist:37i9dQZF1DXcBWIGoYBM5M'));

      expect(error).toBeInstanceOf(PremiumRequired);
      expect(error).toMatchObject({ operation: 'player.play', status: 403, reason: 'PREMIUM_REQUIRED' });
      expect(requestCount()).toBe(1);
    });

    it('any other 403 becomes Forbidden', async () => {
      injectOnList({ kind: 'status', status: 403, body: errorJson(403, 'Insufficient client scope') });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Forbidden);
      expect(error).not.toBeInstanceOf(PremiumRequired);
      expect(error.spotifyMessage).toBe('Insufficient client scope');
      expect(requestCount()).toBe(1);
    });

    it('a 404 NO_ACTIVE_DEVICE on play becomes NoActiveDevice', async () => {
      const error = await failureOf(fixture.api().player.play('spotify:playlist:37i9dQZF1DXcBWIGoYBM5M'));

      expect(error).toBeInstanceOf(NoActiveDevice);
      expect(error).toMatchObject({ status: 404, reason: 'NO_ACTIVE_DEVICE' });
    });

    it('a plain 404 becomes NotFound', async () => {
      const error = await failureOf(fixture.api().playlists.get('noSuchPlaylist'));

      expect(error).toBeInstanceOf(NotFound);
      expect(error).not.toBeInstanceOf(NoActiveDevice);
      expect(error).toMatchObject({ operation: 'playlists.get', status: 404, spotifyMessage: 'Resource not found' });
      expect(requestCount()).toBe(1);
    });

    it('an error body that is not Spotify-shaped still maps by status alone', async () => {
      injectOnList({ kind: 'raw', status: 403, contentType: 'application/json', body: '{"error":"denied"}' });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Forbidden);
      expect(error.spotifyMessage).toBeUndefined();
    });

    it.each([
      ['a 400', { kind: 'status', status: 400 } as Fault],
      ['a redirect, which is never followed', { kind: 'status', status: 302, headers: { location: 'https://example.com/' } } as Fault],
    ])('%s becomes BadResponse', async (_, fault) => {
      injectOnList(fault);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(BadResponse);
      expect(error.message).toMatch(/unexpected status/);
      expect(requestCount()).toBe(1);
    });
  });

  describe('honours Retry-After on a 429 only when the wait fits the budget', () => {
    it('waits a short Retry-After and tries once more', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });

      const page = await listMine();

      expect(page.items).toHaveLength(5);
      expect(requestCount()).toBe(2);
      expect(waits).toEqual([0]);
    });

    it('accepts Retry-After as an HTTP date', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() - 5000).toUTCString() } });

      await listMine();

      expect(requestCount()).toBe(2);
      expect(waits).toEqual([0]);
    });

    it('gives up with RateLimited, carrying Retry-After, when the wait is longer than the budget', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(RateLimited);
      expect((error as RateLimited).retryAfterS).toBe(30);
      expect(requestCount()).toBe(1);
      expect(waits).toEqual([]);
    });

    it('gives up on a long Retry-After given as an HTTP date', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() } });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(RateLimited);
      expect((error as RateLimited).retryAfterS).toBeGreaterThan(30);
      expect(requestCount()).toBe(1);
    });

    it('caps the wait by the deadline, not by the per-call timeout: one second does not fit 800 ms', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(RateLimited);
      expect(requestCount()).toBe(1);
    });

    it('waits a Retry-After that fits a longer budget', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });

      await fixture.api({ budgetMs: 5000 }).playlists.listMine({ limit: 5, offset: 0 });

      expect(waits).toEqual([1000]);
      expect(requestCount()).toBe(2);
    });

    it('retries a 429 only once', async () => {
      injectOnList({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, 3);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(RateLimited);
      expect(requestCount()).toBe(2);
    });

    it('starts no second attempt when the pause overran and left too little time', async () => {
      // The timer fired late (a busy or frozen container): the pause took 700 of the 800 ms.
      const { error, requests } = await listOnClock((clock) => ({ sleep: async () => clock.advance(700) }), {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '0' },
      });

      expect(error).toBeInstanceOf(RateLimited);
      expect(requests).toBe(1);
    });
  });

  describe('retries a server error or a reset connection once, after a jittered pause', () => {
    it.each([500, 502, 503])('recovers from one %i', async (status) => {
      injectOnList({ kind: 'status', status });

      const page = await listMine();

      expect(page.items).toHaveLength(5);
      expect(requestCount()).toBe(2);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThanOrEqual(50);
      expect(waits[0]).toBeLessThanOrEqual(250);
    });

    it.each([500, 502, 503])('gives up with Unavailable after a second %i', async (status) => {
      injectOnList({ kind: 'status', status }, 3);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Unavailable);
      expect(error.status).toBe(status);
      expect(requestCount()).toBe(2);
    });

    it('reads nothing into an HTML error page from a proxy', async () => {
      injectOnList({ kind: 'raw', status: 502, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' }, 2);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Unavailable);
      expect(error.spotifyMessage).toBeUndefined();
    });

    it('recovers from one reset connection on a fresh one', async () => {
      injectOnList({ kind: 'reset' });

      await listMine();

      expect(requestCount()).toBe(2);
    });

    it('gives up with Unavailable after a second reset', async () => {
      injectOnList({ kind: 'reset' }, 2);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Unavailable);
      expect(error.message).toMatch(/ECONNRESET/);
      expect(requestCount()).toBe(2);
    });

    it('does not retry when the pause and another attempt no longer fit the budget', async () => {
      const { error, requests } = await listOnClock((clock) => ({ onCall: () => clock.advance(700), sleep: async () => undefined }), {
        kind: 'status',
        status: 500,
      });

      expect(error).toBeInstanceOf(Unavailable);
      expect(requests).toBe(1);
    });
  });

  describe('keeps every call inside the time budget', () => {
    it('times out a server that accepts and never answers, and does not retry it', async () => {
      injectOnList({ kind: 'hang' }, 2);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Timeout);
      expect(requestCount()).toBe(1);
    });

    it('shortens the per-call timeout to what is left of the deadline', async () => {
      injectOnList({ kind: 'hang' });

      const error = await failureOf(fixture.api({ budgetMs: 250 }).playlists.listMine({ limit: 5, offset: 0 }));

      expect(error).toBeInstanceOf(Timeout);
      const allowedMs = Number(/within (\d+) ms/.exec(error.message)?.[1]);
      expect(allowedMs).toBeLessThanOrEqual(250);
    });

    it('times out a body that trickles in, not only a server that never answers', async () => {
      injectOnList({ kind: 'trickle', everyMs: 20 });

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(Timeout);
      expect(fixture.events).toEqual([expect.objectContaining({ outcome: 'Timeout', status: undefined })]);
      expect(requestCount()).toBe(1);
    });

    it.each([0, 100])('starts no call with %i ms left: it could not finish', async (budgetMs) => {
      const error = await failureOf(fixture.api({ budgetMs }).users.currentProfile());

      expect(error).toBeInstanceOf(Timeout);
      expect(requestCount()).toBe(0);
    });
  });

  it('turns a refused connection into Unavailable without retrying', async () => {
    const refused = await startClientFixture({ baseUrl: await refusedBaseUrl() });
    try {
      const error = await failureOf(refused.api().playlists.listMine({ limit: 5, offset: 0 }));

      expect(error).toBeInstanceOf(Unavailable);
      expect(error.message).toMatch(/ECONNREFUSED/);
      expect(refused.events).toHaveLength(1);
    } finally {
      await refused.close();
    }
  });

  describe('checks bodies at the boundary', () => {
    const missingName = {
      href: 'x',
      limit: 5,
      offset: 0,
      next: null,
      previous: null,
      total: 1,
      items: [{ id: 'p1', uri: 'spotify:playlist:p1' }],
    };

    it.each([
      ['an HTML page with status 200', { kind: 'raw', status: 200, contentType: 'text/html', body: '<!doctype html><p>Maintenance</p>' } as Fault, /not JSON/],
      ['JSON cut off mid-body by a dropped connection', { kind: 'truncate' } as Fault, /cut short/],
      ['JSON that ends early', { kind: 'raw', status: 200, contentType: 'application/json', body: '{"items":[{"id":"p1"' } as Fault, /not JSON/],
      ['an empty 200', { kind: 'raw', status: 200, contentType: 'application/json', body: '' } as Fault, /empty body/],
      ['a 200 without a field the skill uses', { kind: 'status', status: 200, body: missingName } as Fault, /items\.0\.name/],
      ['a 200 with a field of the wrong type', { kind: 'status', status: 200, body: { ...missingName, total: '1' } } as Fault, /total/],
      ['a 200 whose body runs past 4 MB', { kind: 'raw', status: 200, contentType: 'application/json', body: `"${'x'.repeat(4 * 1024 * 1024)}"` } as Fault, /larger than/],
    ])('turns %s into BadResponse, without retrying', async (_, fault, reason) => {
      injectOnList(fault, 2);

      const error = await failureOf(listMine());

      expect(error).toBeInstanceOf(BadResponse);
      expect(error.message).toMatch(reason);
      expect(error.operation).toBe('playlists.listMine');
      expect(requestCount()).toBe(1);
    });

    it('accepts an empty 204 where the operation has no body', async () => {
      await expect(fixture.api().player.play('spotify:playlist:37i9dQZF1DXcBWIGoYBM5M', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0')).resolves.toBeUndefined();
    });
  });

  it('reuses one keep-alive connection for many calls and for every client in the container', async () => {
    const warm = await startClientFixture();
    const second = await startClientFixture({ baseUrl: warm.spotify.baseUrl });
    try {
      for (let call = 0; call < 12; call += 1) await warm.api().users.currentProfile();
      for (let call = 0; call < 8; call += 1) await second.api().playlists.listMine({ limit: 50, offset: 0 });

      expect(warm.spotify.requests).toHaveLength(20);
      expect(warm.spotify.connectionsOpened).toBe(1);
    } finally {
      await Promise.all([warm.close(), second.close()]);
    }
  });

  describe('keeps secrets out of errors', () => {
    const faults: Array<[string, Fault]> = [
      ['401', { kind: 'status', status: 401 }],
      ['503', { kind: 'status', status: 503 }],
      ['a reset', { kind: 'reset' }],
      ['a hang', { kind: 'hang' }],
      ['a truncated body', { kind: 'truncate' }],
      ['HTML', { kind: 'raw', status: 200, contentType: 'text/html', body: '<html></html>' }],
    ];

    it.each(faults)('an error after %s names the operation but never the token or a header', async (_, fault) => {
      injectOnList(fault, 2);

      const error = await failureOf(listMine());

      const everything = `${inspect(error, { depth: 20, showHidden: true })} ${JSON.stringify(error)} ${String(error.stack)}`;
      expect(everything).not.toContain(DEMO_ACCESS_TOKEN);
      expect(everything).not.toMatch(/authorization|bearer/i);
      expect(error.message).toContain('playlists.listMine');
    });

    it('keeps the socket failure as the cause, without the request it belonged to', async () => {
      injectOnList({ kind: 'reset' }, 2);

      const error = await failureOf(listMine());

      expect(error.cause).toBeInstanceOf(Error);
      expect(error.cause).toMatchObject({ code: 'ECONNRESET' });
      expect(Object.keys(error.cause as object)).not.toEqual(expect.arrayContaining(['config']));
    });

    it('puts status and Spotify message into the error message', async () => {
      injectOnList({ kind: 'status', status: 403, body: errorJson(403, 'Not your playlist') });

      const error = await failureOf(listMine());

      expect(error.message).toBe('playlists.listMine: forbidden (HTTP 403) - Not your playlist');
    });

    it('answers as if unobserved when the observer itself throws', async () => {
      const noisy = await startClientFixture({ onCall: () => {
        throw new Error('log sink is full');
      } });
      try {
        await expect(noisy.api().users.currentProfile()).resolves.toMatchObject({ id: 'demo-user' });
        noisy.spotify.inject({ path: '/me', fault: { kind: 'status', status: 401 } });
        await expect(noisy.api().users.currentProfile()).rejects.toBeInstanceOf(Unauthorized);
      } finally {
        await noisy.close();
      }
    });

    it('reports attempts to its observer without token, headers or body', async () => {
      await listMine();

      expect(fixture.events).toEqual([
        { operation: 'playlists.listMine', method: 'GET', path: '/me/playlists', status: 200, attempt: 1, ms: expect.any(Number), outcome: '200' },
      ]);
    });
  });
});

describe('the Spotify transport, in detail', () => {
  let fixture: ClientFixture;
  const waits: number[] = [];
  beforeAll(async () => {
    fixture = await startClientFixture({ random: () => 1, sleep: async (ms) => void waits.push(ms) });
  });
  afterEach(() => {
    fixture.spotify.reset();
    fixture.events.length = 0;
    waits.length = 0;
  });
  afterAll(() => fixture.close());

  const listMine = (options?: Parameters<ClientFixture['api']>[0]) => fixture.api(options).playlists.listMine({ limit: 5, offset: 0 });

  it('waits 50 ms plus up to 200 ms of jitter before a retry: 250 ms at the top of the range', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 503 } });

    await listMine();

    expect(waits).toEqual([250]);
  });

  it('names the operation when no time is left to start a call, and calls nothing', async () => {
    const error = await failureOf(listMine({ budgetMs: 100 }));

    expect(error).toBeInstanceOf(Timeout);
    expect(error).toMatchObject({ operation: 'playlists.listMine', message: 'playlists.listMine: no time left in the request budget' });
    expect(fixture.spotify.requests).toHaveLength(0);
  });

  it.each([
    ['does not retry when the 250 ms pause and a 150 ms attempt would not fit 399 ms', 399, 1, []],
    ['retries when the 250 ms pause and a 150 ms attempt just fit 400 ms', 400, 2, [250]],
  ])('%s', async (_, budgetMs, requests, expectedWaits) => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 503 } });
    const clock = manualClock();

    await fixture.api({ deadline: Deadline.after(budgetMs, undefined, clock.now) }).playlists.listMine({ limit: 5, offset: 0 }).catch(() => undefined);

    expect(fixture.spotify.requests).toHaveLength(requests);
    expect(waits).toEqual(expectedWaits);
  });

  it('keeps the cause of a socket failure as name, message and code only', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'reset' }, times: 2 });

    const error = await failureOf(listMine());

    expect({ ...(error.cause as object), name: (error.cause as Error).name, message: (error.cause as Error).message }).toEqual({
      name: 'Error',
      message: 'socket hang up',
      code: 'ECONNRESET',
    });
  });

  it('treats a 300 as an unexpected status, never as a success', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'raw', status: 300, contentType: 'application/json', body: '{"items":[],"total":0,"limit":5,"offset":0,"next":null}' } });

    const error = await failureOf(listMine());

    expect(error).toBeInstanceOf(BadResponse);
    expect(error.message).toBe('playlists.listMine: unexpected status 300 (HTTP 300)');
  });

  it("removes the call's own token from what Spotify says back", async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 401, body: errorJson(401, `Invalid access token: ${DEMO_ACCESS_TOKEN}`) } });

    const error = await failureOf(listMine());

    expect(error.spotifyMessage).toBe('Invalid access token: [redacted]');
    expect(`${error.message}${error.stack ?? ''}`).not.toContain(DEMO_ACCESS_TOKEN);
  });

  it('sends a JSON content type only with a body', async () => {
    await fixture.api().users.currentProfile();
    // No device is active: Spotify refuses, but the request it refused is what matters here.
    await fixture.api().player.play('spotify:playlist:37i9dQZF1DXcBWIGoYBM5M').catch(() => undefined);

    const [get, put] = fixture.spotify.requests;
    expect(get?.headers['content-type']).not.toBe('application/json');
    expect(put?.headers['content-type']).toBe('application/json');
    expect(put?.body).toEqual({ context_uri: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M' });
  });

  it('reports how long each attempt took', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'delay', ms: 30 } });

    await listMine();

    expect(fixture.events[0]?.ms).toBeGreaterThanOrEqual(25);
    expect(fixture.events[0]?.ms).toBeLessThan(2000);
  });

  it('uses one keep-alive connection for calls one after another', async () => {
    const opened = fixture.spotify.connectionsOpened;

    await fixture.api().users.currentProfile();
    await fixture.api().users.currentProfile();
    await fixture.api().users.currentProfile();

    expect(fixture.spotify.connectionsOpened - opened).toBeLessThanOrEqual(1);
  });
});

describe('the Spotify transport when Spotify cannot be reached', () => {
  it('does not wait to retry a refused connection, and names the operation', async () => {
    const waits: number[] = [];
    const refused = await startClientFixture({ baseUrl: await refusedBaseUrl(), sleep: async (ms) => void waits.push(ms) });
    try {
      const error = await failureOf(refused.api().playlists.listMine({ limit: 5, offset: 0 }));

      expect(error).toMatchObject({ name: 'Unavailable', operation: 'playlists.listMine', message: 'playlists.listMine: connection failed (ECONNREFUSED)' });
      expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
      expect(waits).toEqual([]);
    } finally {
      await refused.close();
    }
  });
});

/*
 * SpotifyTransport used directly, as the client does, but without what the client always adds:
 * a gate shared by the request's calls, an observer. Every option is optional in its contract.
 */
describe('the Spotify transport on its own, without a gate or an observer', () => {
  let spotify: SpotifyStandIn;
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeAll(async () => {
    spotify = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  });
  afterEach(() => {
    spotify.reset();
    waits.length = 0;
  });
  afterAll(() => spotify.close());

  const transport = (options: Partial<TransportOptions> = {}) => new SpotifyTransport({ baseUrl: spotify.baseUrl, callTimeoutMs: 400, sleep, ...options });
  const profile = (on: SpotifyTransport, context: Partial<CallContext> = {}) =>
    on.call({ operation: 'users.currentProfile', method: 'GET', path: '/me' }, (schemas) => schemas.privateUser, {
      accessToken: DEMO_ACCESS_TOKEN,
      deadline: Deadline.after(5000),
      ...context,
    });

  it('answers a call with neither', async () => {
    await expect(profile(transport())).resolves.toMatchObject({ id: 'demo-user' });
  });

  it('waits a fitting Retry-After with its own sleep when no gate is shared, then tries again', async () => {
    spotify.inject({ path: '/me', fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } });

    await expect(profile(transport())).resolves.toMatchObject({ id: 'demo-user' });
    expect(waits).toEqual([1000]);
    expect(spotify.requests).toHaveLength(2);
  });

  it.each([
    [0, 50],
    [0.5, 150],
    [1, 250],
  ])('waits the jitter its random source gives (%d: %i ms) before retrying a 503, with a gate or without', async (random, jitter) => {
    const once503 = () => spotify.inject({ path: '/me', fault: { kind: 'status', status: 503 } });

    once503();
    await profile(transport({ random: () => random }));
    once503();
    await profile(transport({ random: () => random }), { gate: new RetryGate() });

    expect(waits).toEqual([jitter, jitter]);
  });

  it('holds the request back again when its second try is also told to wait, so that its other calls wait too', async () => {
    const gate = new RetryGate();
    const held: number[] = [];
    spotify.inject({ path: '/me', fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } }, times: 2 });

    await expect(profile(transport({ sleep: async (ms) => void held.push(ms) }), { gate })).rejects.toBeInstanceOf(RateLimited);

    // Once before the second try, once after it: the next call of this request waits out the second.
    expect(held).toEqual([1000, 1000]);
  });

  it('starts a call with exactly the time an attempt needs left, and none with a millisecond less', async () => {
    const clock = manualClock();
    const exact = transport({ minAttemptMs: 1000 });

    await expect(profile(exact, { deadline: Deadline.after(1000, undefined, clock.now) })).resolves.toMatchObject({ id: 'demo-user' });
    await expect(profile(exact, { deadline: Deadline.after(999, undefined, clock.now) })).rejects.toBeInstanceOf(Timeout);
    expect(spotify.requests).toHaveLength(1);
  });

  it('sleeps for real before a retry when it is given no sleep of its own', async () => {
    const attemptsEnded: number[] = [];
    const attemptsTook: number[] = [];
    const own = new SpotifyTransport({
      baseUrl: spotify.baseUrl,
      callTimeoutMs: 400,
      random: () => 1,
      observe: (event) => {
        attemptsEnded.push(Date.now());
        attemptsTook.push(event.ms);
      },
    });
    spotify.inject({ path: '/me', fault: { kind: 'status', status: 503 } });

    await expect(profile(own)).resolves.toMatchObject({ id: 'demo-user' });

    // Between the end of the first attempt and the start of the second: the 250 ms of jitter.
    const [firstEnded = 0, secondEnded = 0] = attemptsEnded;
    expect(secondEnded - (attemptsTook[1] ?? 0) - firstEnded).toBeGreaterThanOrEqual(240);
  });

  it('loads nothing, neither axios nor the schemas, for a call it has no time to start', async () => {
    const fresh = transport();

    await expect(profile(fresh, { deadline: Deadline.after(100) })).rejects.toBeInstanceOf(Timeout);
    expect(Reflect.get(fresh, 'http')).toBeUndefined();
    expect(spotify.requests).toHaveLength(0);
  });

  it('checks the budget again once axios and the schemas are loaded, which a first call pays for', async () => {
    // The clock reads 0 when the deadline is set and at the first check, then 1,000 ms later:
    // the time a cold container spends loading.
    let reads = 0;
    const now = () => (reads++ < 2 ? 0 : 1000);

    const error = await failureOf(profile(transport(), { deadline: Deadline.after(1000, undefined, now) }));

    expect(error).toBeInstanceOf(Timeout);
    expect(error.message).toBe('users.currentProfile: no time left in the request budget');
    expect(spotify.requests).toHaveLength(0);
  });

  it('treats a status below 200 from a broken server as unexpected, never as a success', async () => {
    const broken = createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 099 Odd\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"id":"x"}'));
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = broken.address() as AddressInfo;
      const error = await failureOf(profile(transport({ baseUrl: `http://127.0.0.1:${port}` })));

      expect(error).toBeInstanceOf(BadResponse);
      expect(error.message).toBe('users.currentProfile: unexpected status 99 (HTTP 99)');
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });

  it('turns a failure before any connection, such as a body JSON cannot write, into a typed error without a code', async () => {
    const unwritable = transport().call({ operation: 'player.play', method: 'PUT', path: '/me/player/play', body: { position: 1n } }, null, {
      accessToken: DEMO_ACCESS_TOKEN,
      deadline: Deadline.after(5000),
    });

    const error = await failureOf(unwritable);

    expect(error).toMatchObject({ name: 'Unavailable', operation: 'player.play', message: 'player.play: connection failed (unknown)' });
    expect(Object.keys(error.cause as object)).not.toContain('code');
    expect(waits).toEqual([]);
  });

  it('retries neither a refused connection nor any failure below HTTP but a reset or a broken pipe', async () => {
    const observed: string[] = [];
    const refused = new SpotifyTransport({ baseUrl: await refusedBaseUrl(), callTimeoutMs: 400, sleep, observe: (event) => observed.push(event.outcome) });

    await expect(profile(refused)).rejects.toMatchObject({ name: 'Unavailable', message: expect.stringMatching(/ECONNREFUSED/) });
    expect(observed).toEqual(['Unavailable']);
    expect(waits).toEqual([]);
  });
});
