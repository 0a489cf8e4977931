import type { ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import type { RecordedRequest } from '../../local/spotify/standIn';
import { inFlightTogether, sequentialDepth, startedAfter } from '../support/callOrder';
import { DYNAMIC_AUTHORITY, intentRequest, resolved } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

/*
 * Which Spotify calls wait for which, read from the stand-in's record. Every answer is held back
 * a little, so that calls sent together are still in flight together when Spotify answers; the
 * tests look only at the order, never at how long anything took.
 */
const MORNING_RUN_ID = '37i9dQZF1DXcBWIGoYBM5M';
const LARGE_TOKEN = 'token-of-a-user-with-300-playlists';
const largeLibrary: PlaylistRecord[] = [
  ...Array.from({ length: 270 }, (_, index) => ({ id: `mix${String(index).padStart(19, '0')}`, name: `Mix number ${index}`, trackCount: 20 })),
  ...demoAccount().playlists,
];

describe('the round trips to Spotify on the critical path', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount(), [LARGE_TOKEN]: demoAccount({ playlists: largeLibrary }) },
      env: { REQUEST_BUDGET_MS: '5000', SPOTIFY_TIMEOUT_MS: '3000' },
    });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const ask = async (intent: string, slots: Record<string, string>, options: { token?: string; previous?: ResponseEnvelope; entityId?: string } = {}) => {
    const envelope = intentRequest(intent, slots, { accessToken: options.token ?? DEMO_ACCESS_TOKEN, attributes: options.previous?.sessionAttributes ?? {} });
    const response = await harness.ask(options.entityId === undefined ? envelope : resolved(envelope, { authority: DYNAMIC_AUTHORITY, ids: [options.entityId] }));
    return response;
  };
  /** What the next request asks of Spotify, each answer held back. */
  async function measured(work: () => Promise<ResponseEnvelope>): Promise<{ response: ResponseEnvelope; requests: RecordedRequest[] }> {
    harness.spotify.reset();
    harness.spotify.inject({ times: Infinity, fault: { kind: 'delay', ms: 60 } });
    const response = await work();
    harness.spotify.clearFaults();
    return { response, requests: [...harness.spotify.requests] };
  }
  const find = (requests: readonly RecordedRequest[], method: string, path: string | RegExp) =>
    requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)));

  it('plays a name in two round trips: the device list is fetched while the name is looked up', async () => {
    const { response, requests } = await measured(() => ask('PlayPlaylistIntent', { playlist: 'morning run' }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    const [list] = find(requests, 'GET', '/me/playlists');
    const [devices] = find(requests, 'GET', '/me/player/devices');
    const [play] = find(requests, 'PUT', '/me/player/play');
    expect(inFlightTogether(list!, devices!)).toBe(true);
    expect(startedAfter(play!, list!) && startedAfter(play!, devices!)).toBe(true);
    expect(sequentialDepth(requests)).toBe(2);
  });

  it('plays a name among 300 playlists in three: the first page, the other five with the device list, then play', async () => {
    const { response, requests } = await measured(() => ask('PlayPlaylistIntent', { playlist: 'morning run' }, { token: LARGE_TOKEN }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    const pages = find(requests, 'GET', '/me/playlists');
    expect(pages).toHaveLength(6);
    const [devices] = find(requests, 'GET', '/me/player/devices');
    expect(inFlightTogether(pages[0]!, devices!)).toBe(true);
    expect(sequentialDepth(requests)).toBe(3);
  });

  it('describes a name among 300 playlists in three: two for the pages, one for the playlist', async () => {
    const { response, requests } = await measured(() => ask('PlaylistDetailsIntent', { playlist: 'chill vibes' }, { token: LARGE_TOKEN }));

    expect(spokenText(response)).toMatch(/^Chill "Vibes", by Demo Listener/);
    expect(requests).toHaveLength(7);
    expect(sequentialDepth(requests)).toBe(3);
  });

  it('starts fetching a playlist Alexa resolved by id and the device list at once, and plays once both are in', async () => {
    const { response, requests } = await measured(() => ask('PlayPlaylistIntent', { playlist: 'the run in the morning' }, { entityId: MORNING_RUN_ID }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    const [playlist] = find(requests, 'GET', `/playlists/${MORNING_RUN_ID}`);
    const [devices] = find(requests, 'GET', '/me/player/devices');
    const [play] = find(requests, 'PUT', '/me/player/play');
    expect(inFlightTogether(playlist!, devices!)).toBe(true);
    expect(startedAfter(play!, playlist!) && startedAfter(play!, devices!)).toBe(true);
    expect(find(requests, 'GET', '/me/playlists')).toEqual([]);
  });

  it('describes a playlist Alexa resolved by id in one round trip', async () => {
    const { requests } = await measured(() => ask('PlaylistDetailsIntent', { playlist: 'morning run' }, { entityId: MORNING_RUN_ID }));

    expect(requests.map((request) => request.path)).toEqual([`/playlists/${MORNING_RUN_ID}`]);
  });

  it('plays a second name of the session by id, from the library index, with the device list alongside', async () => {
    const described = await ask('PlaylistDetailsIntent', { playlist: 'chill vibes' }, { token: LARGE_TOKEN });

    const { response, requests } = await measured(() => ask('PlayPlaylistIntent', { playlist: 'morning run' }, { token: LARGE_TOKEN, previous: described }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(find(requests, 'GET', '/me/playlists')).toEqual([]);
    const [playlist] = find(requests, 'GET', /^\/playlists\//);
    const [devices] = find(requests, 'GET', '/me/player/devices');
    expect(inFlightTogether(playlist!, devices!)).toBe(true);
    expect(sequentialDepth(requests)).toBe(2);
  });
});
