import { collectPages, Deadline, MAX_OFFSET, Timeout, Unavailable, type Page, type PageRequest } from '../../lambda/spotify';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { manualClock, startClientFixture, type ClientFixture } from '../support/spotifyClient';

function playlists(count: number): PlaylistRecord[] {
  return Array.from({ length: count }, (_, index) => ({ id: `playlist${index}`, name: `Playlist ${index}`, trackCount: index }));
}

describe('listing all of a user’s playlists', () => {
  let fixture: ClientFixture;
  const clock = manualClock();
  let advancePerCall = 0;
  beforeAll(async () => {
    fixture = await startClientFixture({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount({ playlists: playlists(120) }), empty: demoAccount({ playlists: [] }) },
      onCall: () => clock.advance(advancePerCall),
    });
  });
  afterEach(() => {
    fixture.spotify.reset();
    advancePerCall = 0;
  });
  afterAll(() => fixture.close());

  const sentPages = () => fixture.spotify.requests.map((request) => request.query);

  it('walks the pages, 50 at a time, until it has them all', async () => {
    const all = await fixture.api().playlists.listAllMine(Infinity);

    expect(all.items.map((playlist) => playlist.id)).toEqual(playlists(120).map((playlist) => playlist.id));
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

  it('keeps what it has when a later page times out', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'hang' } });

    const partial = await fixture.api().playlists.listAllMine(Infinity);

    expect(partial.items).toHaveLength(50);
    expect(partial.hasMore).toBe(true);
  });

  it('fails when the first page times out: there is nothing to show', async () => {
    fixture.spotify.inject({ path: '/me/playlists', fault: { kind: 'hang' } });

    await expect(fixture.api().playlists.listAllMine(Infinity)).rejects.toBeInstanceOf(Timeout);
  });

  it('fails when a later page keeps failing for another reason', async () => {
    fixture.spotify.inject({ path: '/me/playlists', query: { offset: '50' }, fault: { kind: 'status', status: 503 }, times: 2 });

    await expect(fixture.api().playlists.listAllMine(Infinity)).rejects.toBeInstanceOf(Unavailable);
    expect(sentPages()).toHaveLength(3);
  });
});

describe('collecting pages', () => {
  const huge = 1_000_000;
  const fakePages = (asked: PageRequest[], fail?: (page: PageRequest) => Error | undefined) => async (page: PageRequest): Promise<Page<number>> => {
    asked.push(page);
    const error = fail?.(page);
    if (error !== undefined) throw error;
    const items = Array.from({ length: page.limit }, (_, index) => page.offset + index);
    return { items, total: huge, offset: page.offset, limit: page.limit, hasMore: page.offset + page.limit < huge };
  };

  it('never asks past offset 100,000 nor for more than 50 at once, however many there are', async () => {
    const asked: PageRequest[] = [];

    const page = await collectPages(fakePages(asked), { max: Infinity, canContinue: () => true });

    expect(asked.every(({ limit, offset }) => limit >= 1 && limit <= 50 && offset >= 0 && offset <= MAX_OFFSET)).toBe(true);
    expect(asked.at(-1)).toEqual({ limit: 50, offset: MAX_OFFSET });
    expect(page.items).toHaveLength(MAX_OFFSET + 50);
    expect(page.hasMore).toBe(true);
  });

  it('returns the pages it has when a later one times out', async () => {
    const asked: PageRequest[] = [];
    const timesOut = (page: PageRequest) => (page.offset > 0 ? new Timeout('no answer', { operation: 'test' }) : undefined);

    const page = await collectPages(fakePages(asked, timesOut), { max: 200, canContinue: () => true });

    expect(page.items).toHaveLength(50);
    expect(page.hasMore).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
