import { collectPages, Deadline, MAX_OFFSET, PAGE_CONCURRENCY, RateLimited, Timeout, Unavailable, type Page, type PageRequest } from '../../lambda/spotify';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import type { RecordedRequest } from '../../local/spotify/standIn';
import { inFlightTogether, mostInFlight, startedAfter } from '../support/callOrder';
import { manualClock, startClientFixture, type ClientFixture } from '../support/spotifyClient';

function playlists(count: number): PlaylistRecord[] {
  return Array.from({ length: count }, (_, index) => ({ id: `playlist${index}`, name: `Playlist ${index}`, trackCount: index }));
}

const ids = (count: number, from = 0) => playlists(from + count).slice(from).map((playlist) => playlist.id);
const byOffset = (a: RecordedRequest, b: RecordedRequest) => Number(a.query.offset) - Number(b.query.offset);
/** Long enough that calls sent together are still in flight together when the stand-in answers. */
const SLOW_PAGE = { kind: 'delay', ms: 100 } as const;

/** Waits for `condition`, giving up (and failing the test) when it never comes. */
async function until(condition: () => boolean, tries = 400): Promise<void> {
  for (let tried = 0; !condition(); tried += 1) {
    if (tried >= tries) throw new Error('the awaited state never came');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('listing all of a user’s playlists', () => {
  let fixture: ClientFixture;
  const clock = manualClock();
  let advancePerCall = 0;
  beforeAll(async () => {
    fixture = await startClientFixture({
      accounts: {
        [DEMO_ACCESS_TOKEN]: demoAccount({ playlists: playlists(120) }),
        large: demoAccount({ playlists: playlists(300) }),
        empty: demoAccount({ playlists: [] }),
      },
      onCall: () => clock.advance(advancePerCall),
    });
    // The container's first call loads axios and zod: not something a short test budget should pay for.
    await fixture.api({ budgetMs: 10_000 }).users.currentProfile();
    fixture.spotify.reset();
  });
  afterEach(() => {
    fixture.spotify.reset();
    advancePerCall = 0;
  });
  afterAll(() => fixture.close());

  const pageRequests = () => [...fixture.spotify.requests].sort(byOffset);
  const sentPages = () => pageRequests().map((request) => request.query);

  it('walks the pages, 50 at a time, until it has them all, in Spotify’s order', async () => {
    const all = await fixture.api().playlists.listAllMine(Infinity);

    expect(all.items.map((playlist) => playlist.id)).toEqual(ids(120));
    expect(all).toMatchObject({ total: 120, offset: 0, hasMore: false });
    expect(sentPages()).toEqual([
      { limit: '50', offset: '0' },
      { limit: '50', offset: '50' },
      { limit: '50', offset: '100' },
    ]);
  });

  it('asks for no more than it wants', async () => {
    const some = await fixture.api().playlists.listAllMine(60);

    expect(some.items).toHaveLength(60);
    expect(some.hasMore).toBe(true);
    expect(sentPages()).toEqual([
      { limit: '50', offset: '0' },
      { limit: '10', offset: '50' },
    ]);
  });

  it('fetches the first page alone, then every other page at once: two round trips for 300 playlists', async () => {
    fixture.spotify.inject({ path: '/me/playlists', times: Infinity, fault: SLOW_PAGE });

    const all = await fixture.api({ token: 'large', budgetMs: 3000 }).playlists.listAllMine(300);

    expect(all.items.map((playlist) => playlist.id)).toEqual(ids(300));
    const [first, ...rest] = pageRequests();
    expect(rest.map((page) => page.query.offset)).toEqual(['50', '100', '150', '200', '250']);
    expect(rest.every((page) => startedAfter(page, first!))).toBe(true);
    expect(rest.every((page) => rest.every((other) => inFlightTogether(page, other)))).toBe(true);
  });

  it('makes one call for an account without playlists', async () => {
    const none = await fixture.api({ token: 'empty' }).playlists.listAllMine(Infinity);

    expect(none).toEqual({ items: [], total: 0, offset: 0, limit: 0, hasMore: false });
    expect(sentPages()).toHaveLength(1);
  });

  it.each([0, -3, Number.NaN])('treats a wish for %d playlists as a wish for one', async (max) => {
    const one = await fixture.api().playlists.listAllMine(max);

    expect(one.items).toHaveLength(1);
    expect(sentPages()).toEqual([{ limit: '1', offset: '0' }]);
  });

  it('stops with what it has when the budget has no room for another page', async () => {
    advancePerCall = 700;

    const partial = await fixture.api({ deadline: Deadline.after(800, undefined, clock.now) }).playlists.listAllMine(Infinity);

    expect(partial.items).toHaveLength(50);
    expect(partial.hasMore).toBe(true);
    expect(sentPages()).toHaveLength(1);
  });

  it('keeps every page that arrived when another one times out', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'hang' } });

    const partial = await fixture.api().playlists.listAllMine(Infinity);

    expect(partial.items.map((playlist) => playlist.id)).toEqual([...ids(50), ...ids(20, 100)]);
    expect(partial.hasMore).toBe(true);
  });

  it('fails when the first page times out: there is nothing to show', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'hang' } });

    await expect(fixture.api().playlists.listAllMine(Infinity)).rejects.toBeInstanceOf(Timeout);
  });

  it('fails when a later page keeps failing for another reason', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'status', status: 503 }, times: 2 });

    await expect(fixture.api().playlists.listAllMine(Infinity)).rejects.toBeInstanceOf(Unavailable);
    expect(sentPages()).toEqual([
      { limit: '50', offset: '0' },
      { limit: '50', offset: '50' },
      { limit: '50', offset: '50' },
      { limit: '50', offset: '100' },
    ]);
  });
});

describe('a walk through many pages', () => {
  /** Twelve pages: more than can be in flight at once. */
  const LIBRARY = 600;
  let fixture: ClientFixture;
  let releaseSleep: (() => void) | undefined;
  const sleeps: number[] = [];
  beforeEach(async () => {
    sleeps.length = 0;
    fixture = await startClientFixture({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount({ playlists: playlists(LIBRARY) }) },
      // A pause ends when the test says so: what matters is which calls waited for it.
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise<void>((resolve) => (releaseSleep = resolve));
      },
    });
  });
  afterEach(async () => {
    releaseSleep?.();
    await fixture.close();
  });

  const pages = (offset: string) => fixture.spotify.requests.filter((request) => request.query.offset === offset);
  const laterThan = (offset: number) => fixture.spotify.requests.filter((request) => Number(request.query.offset) > offset);

  it('never has more pages in flight than its limit, and opens no more connections than that, once', async () => {
    fixture.spotify.inject({ path: '/me/playlists', times: Infinity, fault: SLOW_PAGE });

    const all = await fixture.api({ budgetMs: 5000 }).playlists.listAllMine(Infinity);
    const opened = fixture.spotify.connectionsOpened;
    await fixture.api({ budgetMs: 5000 }).playlists.listAllMine(Infinity);

    expect(all.items.map((playlist) => playlist.id)).toEqual(ids(LIBRARY));
    expect(mostInFlight(fixture.spotify.requests)).toBe(PAGE_CONCURRENCY);
    expect(opened).toBeLessThanOrEqual(PAGE_CONCURRENCY);
    expect(fixture.spotify.connectionsOpened).toBe(opened);
  });

  it('holds every page back, not only the refused one, until a 429’s Retry-After has passed', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } });

    const walk = fixture.api({ budgetMs: 5000 }).playlists.listAllMine(Infinity);
    // Every page of the first wave but the refused one is answered: their places are free.
    await until(() => ['100', '150', '200', '250'].every((offset) => pages(offset)[0]?.ended !== undefined) && sleeps.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(laterThan(250)).toEqual([]);
    const lastBeforeRelease = Math.max(...fixture.spotify.requests.map((request) => request.ended ?? request.started));
    releaseSleep?.();
    const all = await walk;

    expect(sleeps).toEqual([1000]);
    expect(all.items.map((playlist) => playlist.id)).toEqual(ids(LIBRARY));
    expect(laterThan(250).every((request) => request.started > lastBeforeRelease)).toBe(true);
    expect(pages('50')).toHaveLength(2);
  });

  it('fails with RateLimited, and starts no other page, when a 429’s Retry-After does not fit the budget', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } } });
    fixture.spotify.inject({ path: '/me/playlists', times: Infinity, fault: SLOW_PAGE });

    const error = await fixture.api({ budgetMs: 5000 }).playlists.listAllMine(Infinity).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(RateLimited);
    // The other pages of the first wave were in flight; none after them was started, and nothing was retried.
    expect(laterThan(250)).toEqual([]);
    expect(pages('50')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('collecting pages', () => {
  const huge = 1_000_000;
  const fakePages =
    (asked: PageRequest[], fail?: (page: PageRequest) => Error | undefined) =>
    async (page: PageRequest): Promise<Page<number>> => {
      asked.push(page);
      const error = fail?.(page);
      if (error !== undefined) throw error;
      const items = Array.from({ length: page.limit }, (_, index) => page.offset + index);
      return { items, total: huge, offset: page.offset, limit: page.limit, hasMore: page.offset + page.limit < huge };
    };

  it('never asks past offset 100,000 nor for more than 50 at once, however many there are', async () => {
    const asked: PageRequest[] = [];

    const page = await collectPages(fakePages(asked), { max: Infinity, canContinue: () => true, concurrency: 5 });

    expect(asked.every(({ limit, offset }) => limit >= 1 && limit <= 50 && offset >= 0 && offset <= MAX_OFFSET)).toBe(true);
    expect(asked.at(-1)).toEqual({ limit: 50, offset: MAX_OFFSET });
    expect(page.items).toHaveLength(MAX_OFFSET + 50);
    expect(page.hasMore).toBe(true);
  });

  it('returns the first page when every later one times out', async () => {
    const asked: PageRequest[] = [];
    const timesOut = (page: PageRequest) => (page.offset > 0 ? new Timeout('no answer', { operation: 'test' }) : undefined);

    const page = await collectPages(fakePages(asked, timesOut), { max: 200, canContinue: () => true, concurrency: 5 });

    expect(page.items).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(page.hasMore).toBe(true);
    expect(asked.map(({ offset }) => offset)).toEqual([0, 50, 100, 150]);
  });

  it('puts the pages back in Spotify’s order whatever order they arrive in', async () => {
    const answers = new Map<number, () => void>();
    const slowFirst = async (page: PageRequest): Promise<Page<number>> => {
      if (page.offset > 0) await new Promise<void>((resolve) => answers.set(page.offset, resolve));
      const items = Array.from({ length: page.limit }, (_, index) => page.offset + index);
      return { items, total: 200, offset: page.offset, limit: page.limit, hasMore: page.offset + page.limit < 200 };
    };

    const walk = collectPages(slowFirst, { max: 200, canContinue: () => true, concurrency: 3 });
    await until(() => answers.size === 3);
    for (const offset of [150, 100, 50]) answers.get(offset)!();

    expect((await walk).items).toEqual(Array.from({ length: 200 }, (_, index) => index));
  });

  it('starts no page after one fails, and fails only once the pages in flight have ended', async () => {
    const asked: PageRequest[] = [];
    let inFlight = 0;
    let settledWhileFailing = true;
    const failsAt50 = async (page: PageRequest): Promise<Page<number>> => {
      asked.push(page);
      if (page.offset === 0) return { items: Array.from({ length: 50 }, (_, index) => index), total: 400, offset: 0, limit: 50, hasMore: true };
      inFlight += 1;
      await new Promise((resolve) => setTimeout(resolve, page.offset === 50 ? 0 : 20));
      inFlight -= 1;
      if (page.offset === 50) throw new Unavailable('Spotify server error', { operation: 'test' });
      return { items: Array.from({ length: page.limit }, (_, index) => page.offset + index), total: 400, offset: page.offset, limit: page.limit, hasMore: true };
    };

    await expect(
      collectPages(failsAt50, { max: 400, canContinue: () => true, concurrency: 2 }).finally(() => (settledWhileFailing = inFlight === 0)),
    ).rejects.toBeInstanceOf(Unavailable);
    expect(asked.map(({ offset }) => offset)).toEqual([0, 50, 100]);
    expect(settledWhileFailing).toBe(true);
  });
});
