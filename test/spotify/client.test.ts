import { NotFound } from '../../lambda/spotify';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { snapshotId } from '../../local/spotify/model';
import { startClientFixture, type ClientFixture } from '../support/spotifyClient';

const KITCHEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const MORNING_RUN = '37i9dQZF1DXcBWIGoYBM5M';

describe('the Spotify client', () => {
  let fixture: ClientFixture;
  beforeEach(async () => {
    fixture = await startClientFixture({
      accounts: {
        [DEMO_ACCESS_TOKEN]: demoAccount(),
        anonymous: demoAccount({ displayName: null, devices: [{ id: null, name: 'Hidden speaker', type: 'Speaker', isActive: true, isRestricted: true }] }),
      },
    });
  });
  afterEach(() => fixture.close());

  const lastRequest = () => fixture.spotify.requests.at(-1)!;

  it('reads the current profile', async () => {
    await expect(fixture.api().users.currentProfile()).resolves.toEqual({ id: 'demo-user', displayName: 'Demo Listener' });
    await expect(fixture.api({ token: 'anonymous' }).users.currentProfile()).resolves.toEqual({ id: 'demo-user', displayName: undefined });
  });

  it('reads one page of playlists in the skill’s terms', async () => {
    const page = await fixture.api().playlists.listMine({ limit: 2, offset: 3 });

    expect(page).toEqual({
      items: [
        { id: '3c4d5e6f7g8h9i0j1k2lCM', name: 'Café del Mar', uri: 'spotify:playlist:3c4d5e6f7g8h9i0j1k2lCM', ownerName: 'Demo Listener', ownedBySpotify: false, trackCount: 120, snapshotId: snapshotId(demoAccount().playlists[3]!) },
        { id: '4d5e6f7g8h9i0j1k2l3mDF', name: 'Deep Focus', uri: 'spotify:playlist:4d5e6f7g8h9i0j1k2l3mDF', ownerName: 'Spotify', ownedBySpotify: true, trackCount: 150, snapshotId: snapshotId(demoAccount().playlists[4]!) },
      ],
      total: 30,
      offset: 3,
      limit: 2,
      hasMore: true,
    });
    expect(lastRequest()).toMatchObject({ method: 'GET', path: '/me/playlists', query: { limit: '2', offset: '3' } });
  });

  it('says there are no more after the last page', async () => {
    const page = await fixture.api().playlists.listMine({ limit: 50, offset: 25 });

    expect(page.items).toHaveLength(5);
    expect(page.hasMore).toBe(false);
  });

  it.each([
    [{ limit: 0, offset: -5 }, { limit: '1', offset: '0' }],
    [{ limit: 500, offset: 250_000 }, { limit: '50', offset: '100000' }],
    [{ limit: 7.9, offset: 2.5 }, { limit: '7', offset: '2' }],
    [{ limit: Number.NaN, offset: Number.NaN }, { limit: '20', offset: '0' }],
    [{ limit: Infinity, offset: -Infinity }, { limit: '50', offset: '0' }],
  ])('brings page %j within Spotify’s limits before asking', async (page, sent) => {
    await fixture.api().playlists.listMine(page);

    expect(lastRequest().query).toEqual(sent);
  });

  it('reads a playlist’s details, with honest optionality', async () => {
    await expect(fixture.api().playlists.get(MORNING_RUN)).resolves.toEqual({
      id: MORNING_RUN,
      name: 'Morning Run',
      uri: `spotify:playlist:${MORNING_RUN}`,
      ownerName: 'Demo Listener',
      ownedBySpotify: false,
      trackCount: 42,
      description: 'Upbeat <b>tempo</b> for the first 5k.',
      isPublic: true,
      collaborative: false,
      followers: 0,
      snapshotId: snapshotId(demoAccount().playlists[0]!),
    });
    const empty = await fixture.api().playlists.get('8h9i0j1k2l3m4n5o6p7qEM');
    expect(empty).toMatchObject({ description: undefined, trackCount: 0 });
  });

  it.each([
    ['a blank display name', ''],
    ['no display name', null],
  ])('leaves the owner of a playlist with %s unnamed, never named by their account id', async (_, ownerName) => {
    const owned = await startClientFixture({
      accounts: { shared: demoAccount({ playlists: [{ id: 'p1', name: 'Shared', trackCount: 1, ownerId: 'friend-42', ownerName }] }) },
    });
    try {
      const page = await owned.api({ token: 'shared' }).playlists.listMine({ limit: 5, offset: 0 });

      expect(page.items[0]?.ownerName).toBeUndefined();
    } finally {
      await owned.close();
    }
  });

  it('asks for a playlist by its id, in one path segment', async () => {
    await fixture.api().playlists.get(MORNING_RUN);

    expect(lastRequest().path).toBe(`/playlists/${MORNING_RUN}`);
  });

  it.each(['', '   ', '..', '.', 'a/b?c', '%2F', '37i9dQZF1DXcBWIGoYBM5M/items', 'x'.repeat(65)])('answers NotFound for the playlist id %j without asking Spotify', async (id) => {
    await expect(fixture.api().playlists.get(id)).rejects.toBeInstanceOf(NotFound);

    expect(fixture.spotify.requests).toHaveLength(0);
  });

  it('lists devices, keeping those without an id', async () => {
    await expect(fixture.api().player.devices()).resolves.toEqual([
      { id: KITCHEN, name: 'Kitchen Echo', type: 'Speaker', isActive: false, isRestricted: false },
      { id: 'b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1', name: "Sam's MacBook", type: 'Computer', isActive: false, isRestricted: false },
    ]);
    await expect(fixture.api({ token: 'anonymous' }).player.devices()).resolves.toEqual([
      { id: undefined, name: 'Hidden speaker', type: 'Speaker', isActive: true, isRestricted: true },
    ]);
  });

  it('starts a playlist on a chosen device', async () => {
    await fixture.api().player.play(`spotify:playlist:${MORNING_RUN}`, KITCHEN);

    expect(lastRequest()).toMatchObject({
      method: 'PUT',
      path: '/me/player/play',
      query: { device_id: KITCHEN },
      body: { context_uri: `spotify:playlist:${MORNING_RUN}` },
    });
    expect(fixture.spotify.account(DEMO_ACCESS_TOKEN)?.playback).toEqual({ deviceId: KITCHEN, contextUri: `spotify:playlist:${MORNING_RUN}`, isPlaying: true });
  });

  it('starts a playlist on the active device when none is chosen', async () => {
    await fixture.api().player.play(`spotify:playlist:${MORNING_RUN}`, KITCHEN);
    await fixture.api().player.play('spotify:playlist:1a2b3c4d5e6f7g8h9i0jRR');

    expect(lastRequest().query).toEqual({});
    expect(fixture.spotify.account(DEMO_ACCESS_TOKEN)?.playback.contextUri).toBe('spotify:playlist:1a2b3c4d5e6f7g8h9i0jRR');
  });

  it('treats a blank device id as no device', async () => {
    await fixture.api().player.play(`spotify:playlist:${MORNING_RUN}`, KITCHEN);
    await fixture.api().player.play(`spotify:playlist:${MORNING_RUN}`, ' ');

    expect(lastRequest().query).toEqual({});
  });

  it('sends the bearer token and asks for JSON', async () => {
    await fixture.api().users.currentProfile();

    expect(lastRequest()).toMatchObject({ authorizedAs: 'demo-user', headers: { accept: 'application/json' } });
  });
});
