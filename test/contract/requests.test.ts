import { MAX_OFFSET, type SpotifyApi } from '../../lambda/spotify';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import type { RecordedRequest } from '../../local/spotify/standIn';
import { startClientFixture, type ClientFixture } from '../support/spotifyClient';
import { loadSpotifySpec, type SpotifySpec } from './spotifySpec';

const MORNING_RUN = '37i9dQZF1DXcBWIGoYBM5M';
const KITCHEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const manyPlaylists: PlaylistRecord[] = Array.from({ length: 260 }, (_, index) => ({ id: `many${index}`, name: `Many ${index}`, trackCount: index }));

type Exercise = (api: SpotifyApi) => Array<Promise<unknown>>;

/**
 * Every method of the client, with the inputs that stretch what it sends: paging at and past the
 * limits, odd ids, with and without a device. A method missing here fails the suite.
 */
const EXERCISES: Record<string, Exercise> = {
  'users.currentProfile': (api) => [api.users.currentProfile()],
  'playlists.listMine': (api) =>
    [
      { limit: 1, offset: 0 },
      { limit: 50, offset: 50 },
      { limit: 20, offset: MAX_OFFSET },
      { limit: 0, offset: -1 },
      { limit: 51, offset: MAX_OFFSET + 1 },
      { limit: 2.5, offset: 7.5 },
      { limit: Number.NaN, offset: Number.NaN },
      { limit: Infinity, offset: Infinity },
    ].map((page) => api.playlists.listMine(page)),
  'playlists.listAllMine': (api) => [Infinity, 0, 1, 75, 260].map((max) => api.playlists.listAllMine(max)),
  'playlists.get': (api) =>
    [MORNING_RUN, 'no-such-playlist', 'a/b?c&d=e#f', 'Mötley 🤘', '', '   '].map((id) => api.playlists.get(id)),
  'player.devices': (api) => [api.player.devices()],
  'player.play': (api) => [
    api.player.play(`spotify:playlist:${MORNING_RUN}`),
    api.player.play(`spotify:playlist:${MORNING_RUN}`, KITCHEN),
    api.player.play(`spotify:playlist:${MORNING_RUN}`, ''),
  ],
};

function methodsOf(api: SpotifyApi): string[] {
  return Object.entries(api).flatMap(([group, methods]) => Object.keys(methods as object).map((method) => `${group}.${method}`));
}

const describeRequest = (request: RecordedRequest) => `${request.method} ${request.path}?${new URLSearchParams(request.query).toString()}`;

describe('every request the Spotify client can build', () => {
  let spec: SpotifySpec;
  let fixture: ClientFixture;
  let sent: RecordedRequest[];

  beforeAll(async () => {
    spec = await loadSpotifySpec();
    fixture = await startClientFixture({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount({ playlists: [...demoAccount().playlists, ...manyPlaylists] }) },
      callTimeoutMs: 2000,
    });
    const api = fixture.api({ budgetMs: 5000 });
    for (const exercise of Object.values(EXERCISES)) await Promise.allSettled(exercise(api));
    sent = [...fixture.spotify.requests];
  });
  afterAll(() => fixture.close());

  it('is exercised here, method by method', () => {
    expect(Object.keys(EXERCISES).sort()).toEqual(methodsOf(fixture.api()).sort());
    expect(sent.length).toBeGreaterThan(20);
  });

  it('is an operation of the spec, not deprecated, with parameters and body as the spec allows', () => {
    const problems = sent.map((request) => ({ request: describeRequest(request), problems: spec.requestProblems(request) })).filter((entry) => entry.problems.length > 0);

    expect(problems).toEqual([]);
  });

  it('reaches only the operations the design lists', () => {
    const operations = new Set(sent.map((request) => spec.operationFor(request)?.operationId));

    expect([...operations].sort()).toEqual(
      ['get-a-list-of-current-users-playlists', 'get-a-users-available-devices', 'get-current-users-profile', 'get-playlist', 'start-a-users-playback'].sort(),
    );
  });

  it('never asks past the offset limit that the spec states in prose', () => {
    const offsetDoc = JSON.stringify(spec.operationFor({ method: 'GET', path: '/me/playlists' })?.parameters);
    expect(offsetDoc).toContain('Maximum offset: 100.000');

    const offsets = sent.filter((request) => request.query.offset !== undefined).map((request) => Number(request.query.offset));
    expect(offsets.length).toBeGreaterThan(5);
    expect(Math.max(...offsets)).toBe(MAX_OFFSET);
    expect(Math.min(...offsets)).toBe(0);
  });

  it('never names an empty device, which the spec’s schema alone would let through', () => {
    const deviceIds = sent.filter((request) => 'device_id' in request.query).map((request) => request.query.device_id);

    expect(deviceIds).toEqual([KITCHEN]);
  });
});
