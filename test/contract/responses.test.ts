import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { AccountRecord, PlaylistRecord } from '../../local/spotify/model';
import { SpotifyStandIn, type Fault } from '../../local/spotify/standIn';
import { loadSpotifySpec, type SpotifySpec } from './spotifySpec';

/** Accounts that stretch the shapes: empty, huge, nameless, without Premium or devices. */
const EMPTY_TOKEN = 'empty-account';
const HUGE_TOKEN = 'huge-account';

const hugePlaylists: PlaylistRecord[] = Array.from({ length: 2_600 }, (_, index) => ({
  id: `huge${index}`,
  name: `Huge ${index}`,
  trackCount: index === 0 ? 100_000 : index,
  followers: index === 0 ? 12_345_678 : undefined,
  ...(index % 3 === 0 ? { description: null, ownerName: null, ownerId: 'someone-else' } : {}),
}));

function accounts(): Record<string, AccountRecord> {
  return {
    [DEMO_ACCESS_TOKEN]: demoAccount(),
    [EMPTY_TOKEN]: demoAccount({ id: 'empty-user', displayName: null, premium: false, playlists: [], devices: [] }),
    [HUGE_TOKEN]: demoAccount({
      id: 'huge-user',
      playlists: hugePlaylists,
      devices: [
        { id: null, name: 'Hidden speaker', type: 'Speaker', isActive: false, volumePercent: null },
        { id: 'restricted-device', name: 'Car', type: 'Automobile', isActive: true, isRestricted: true, volumePercent: 100 },
      ],
    }),
  };
}

interface Call {
  readonly method: 'GET' | 'PUT';
  readonly path: string;
  readonly query?: Record<string, string>;
  /** undefined: no Authorization header at all. */
  readonly token?: string | undefined;
  readonly body?: unknown;
  /** The status this call is meant to produce, so every route's failures are covered too. */
  readonly status: number;
}

const BY_TOKEN = { token: DEMO_ACCESS_TOKEN };
const DEMO_PLAYLIST_IDS = demoAccount().playlists.map((playlist) => playlist.id);
const MORNING_RUN = `spotify:playlist:${DEMO_PLAYLIST_IDS[0]}`;

const CALLS: Array<[string, Call]> = [
  ...[DEMO_ACCESS_TOKEN, EMPTY_TOKEN, HUGE_TOKEN].flatMap((token): Array<[string, Call]> => [
    [`profile of ${token}`, { method: 'GET', path: '/me', token, status: 200 }],
    [`first page of ${token}'s playlists`, { method: 'GET', path: '/me/playlists', token, status: 200 }],
    [`one playlist of ${token}`, { method: 'GET', path: '/me/playlists', query: { limit: '1', offset: '1' }, token, status: 200 }],
    [`a page past the end for ${token}`, { method: 'GET', path: '/me/playlists', query: { limit: '50', offset: '100000' }, token, status: 200 }],
    [`devices of ${token}`, { method: 'GET', path: '/me/player/devices', token, status: 200 }],
  ]),
  ['a middle page of a huge account', { method: 'GET', path: '/me/playlists', query: { limit: '50', offset: '1250' }, token: HUGE_TOKEN, status: 200 }],
  ['the last page of a huge account', { method: 'GET', path: '/me/playlists', query: { limit: '50', offset: '2590' }, token: HUGE_TOKEN, status: 200 }],
  ...DEMO_PLAYLIST_IDS.map((id): [string, Call] => [`playlist ${id}`, { method: 'GET', path: `/playlists/${id}`, ...BY_TOKEN, status: 200 }]),
  ['a playlist with 100,000 items and millions of followers', { method: 'GET', path: '/playlists/huge0', token: HUGE_TOKEN, status: 200 }],
  ['a playlist whose owner has no name', { method: 'GET', path: '/playlists/huge3', token: HUGE_TOKEN, status: 200 }],
  ['the items of a playlist', { method: 'GET', path: `/playlists/${DEMO_PLAYLIST_IDS[0]}/items`, ...BY_TOKEN, status: 200 }],
  ['the last items of a huge playlist', { method: 'GET', path: '/playlists/huge0/items', query: { limit: '50', offset: '99990' }, token: HUGE_TOKEN, status: 200 }],
  ['the items of an empty playlist', { method: 'GET', path: '/playlists/8h9i0j1k2l3m4n5o6p7qEM/items', ...BY_TOKEN, status: 200 }],
  ['a playlist that does not exist', { method: 'GET', path: '/playlists/no-such-playlist', ...BY_TOKEN, status: 404 }],
  ['the items of a playlist that does not exist', { method: 'GET', path: '/playlists/no-such-playlist/items', ...BY_TOKEN, status: 404 }],
  ['a limit above 50', { method: 'GET', path: '/me/playlists', query: { limit: '51' }, ...BY_TOKEN, status: 400 }],
  ['an offset past 100,000', { method: 'GET', path: '/me/playlists', query: { offset: '100001' }, ...BY_TOKEN, status: 400 }],
  ['a limit that is no number', { method: 'GET', path: '/playlists/huge0/items', query: { limit: 'ten' }, token: HUGE_TOKEN, status: 400 }],
  ['no token', { method: 'GET', path: '/me/playlists', status: 401 }],
  ['an unknown token', { method: 'GET', path: '/me', token: 'revoked', status: 401 }],
  ['an unknown path', { method: 'GET', path: '/me/nothing-here', ...BY_TOKEN, status: 404 }],
  ['play with nothing active', { method: 'PUT', path: '/me/player/play', body: { context_uri: MORNING_RUN }, ...BY_TOKEN, status: 404 }],
  ['play on a device that does not exist', { method: 'PUT', path: '/me/player/play', query: { device_id: 'gone' }, body: { context_uri: MORNING_RUN }, ...BY_TOKEN, status: 404 }],
  ['play on a device', { method: 'PUT', path: '/me/player/play', query: { device_id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0' }, body: { context_uri: MORNING_RUN }, ...BY_TOKEN, status: 204 }],
  ['play on the device now active', { method: 'PUT', path: '/me/player/play', body: { context_uri: MORNING_RUN }, ...BY_TOKEN, status: 204 }],
  ['play something that is not a playlist of the user', { method: 'PUT', path: '/me/player/play', body: { context_uri: 'spotify:album:x' }, ...BY_TOKEN, status: 400 }],
  ['play without Premium', { method: 'PUT', path: '/me/player/play', body: { context_uri: 'spotify:playlist:x' }, token: EMPTY_TOKEN, status: 403 }],
  ['play on a restricted device', { method: 'PUT', path: '/me/player/play', body: { context_uri: 'spotify:playlist:huge1' }, token: HUGE_TOKEN, status: 403 }],
];

/** The stand-in's own error bodies when a test injects a bare status. */
const FAULT_STATUSES = [400, 401, 403, 404, 429, 500, 502, 503];

describe('every answer of the Spotify stand-in', () => {
  let spec: SpotifySpec;
  let spotify: SpotifyStandIn;
  beforeAll(async () => {
    spec = await loadSpotifySpec();
    spotify = await SpotifyStandIn.start({ accounts: accounts() });
  });
  afterAll(() => spotify.close());

  async function send(call: Call): Promise<{ status: number; body: unknown }> {
    const url = new URL(`${spotify.baseUrl}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method: call.method,
      headers: {
        ...(call.token === undefined ? {} : { authorization: `Bearer ${call.token}` }),
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  it.each(CALLS)('validates against the spec: %s', async (_, call) => {
    const { status, body } = await send(call);

    expect(status).toBe(call.status);
    expect(spec.responseProblems(call, status, body)).toEqual([]);
  });

  it.each(FAULT_STATUSES)('validates against the spec: an injected %i', async (status) => {
    spotify.inject({ fault: { kind: 'status', status } as Fault });

    const answer = await send({ method: 'GET', path: '/me/playlists', ...BY_TOKEN, status });

    expect(answer.status).toBe(status);
    expect(spec.responseProblems({ method: 'GET', path: '/me/playlists' }, status, answer.body)).toEqual([]);
  });

  it('has covered every route the stand-in serves, success and failure', () => {
    const covered = new Set(CALLS.map(([, call]) => `${spec.operationFor(call)?.operationId ?? 'unknown'} ${call.status}`));

    expect([...covered].sort()).toEqual(
      [
        'get-a-list-of-current-users-playlists 200',
        'get-a-list-of-current-users-playlists 400',
        'get-a-list-of-current-users-playlists 401',
        'get-a-users-available-devices 200',
        'get-current-users-profile 200',
        'get-current-users-profile 401',
        'get-playlist 200',
        'get-playlist 404',
        'get-playlists-items 200',
        'get-playlists-items 400',
        'get-playlists-items 404',
        'start-a-users-playback 204',
        'start-a-users-playback 400',
        'start-a-users-playback 403',
        'start-a-users-playback 404',
        'unknown 404',
      ].sort(),
    );
  });
});
