import type { ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { AccountRecord, PlaylistRecord } from '../../local/spotify/model';
import { intentRequest, launchRequest } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const MORNING_RUN_ID = '37i9dQZF1DXcBWIGoYBM5M';
const LONG_NAMES_TOKEN = 'token-of-a-user-with-300-long-names';
const MAX_RESPONSE_BYTES = 24 * 1024;

type Index = { total: number; entries: Array<[string, string, string, 1?]> };
const indexOf = (response: ResponseEnvelope) => response.sessionAttributes?.library as Index | undefined;

/** 300 playlists with names of 60 characters: an index of them is too large to travel in a response. */
const longNames: PlaylistRecord[] = Array.from({ length: 300 }, (_, index) => ({
  id: `long${String(index).padStart(18, '0')}`,
  name: `Songs I keep coming back to on long evenings, volume ${String(index).padStart(4, '0')}`,
  trackCount: 12,
}));

describe('the library index the session keeps', () => {
  let harness: Harness;
  let account: AccountRecord;
  beforeEach(async () => {
    account = demoAccount();
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: account, [LONG_NAMES_TOKEN]: demoAccount({ playlists: longNames }) } });
  });
  afterEach(() => harness.close());

  const turn = (intent: string, slots: Record<string, string> = {}, previous?: ResponseEnvelope, token = DEMO_ACCESS_TOKEN) =>
    harness.ask(intentRequest(intent, slots, { accessToken: token, attributes: previous?.sessionAttributes ?? {} }));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);

  async function indexed(): Promise<ResponseEnvelope> {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
    expect(indexOf(described)?.entries).toHaveLength(30);
    harness.spotify.reset();
    return described;
  }

  it('holds every playlist after a walk, with its id, name, version and whether it is empty', async () => {
    const described = await indexed();

    const index = indexOf(described)!;
    expect(index.total).toBe(30);
    expect(index.entries[0]).toEqual([MORNING_RUN_ID, 'Morning Run', expect.stringMatching(/^[0-9a-z]{1,5}$/)]);
    expect(index.entries.find(([, name]) => name === 'Empty for Now')?.[3]).toBe(1);
  });

  it('is made at launch when the first page holds every playlist', async () => {
    const welcome = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(indexOf(welcome)?.entries).toHaveLength(30);
  });

  it('finds a second name without listing again: the playlist by id, with the device list', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'rock and roll' }, await indexed());

    expect(spokenText(response)).toBe('Playing Rock & Roll <Live> on Kitchen Echo.');
    expect([...calls()].sort()).toEqual(['GET /me/player/devices', 'GET /playlists/1a2b3c4d5e6f7g8h9i0jRR', 'PUT /me/player/play']);
  });

  it('asks "did you mean" from the index alone, without any call', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'workout' }, await indexed());
    const question = await turn('PlayPlaylistIntent', { playlist: 'deep' }, response);

    expect(spokenText(question)).toBe('Did you mean Deep Focus or Deep House?');
    expect(calls().filter((call) => call.startsWith('GET /me/playlists'))).toEqual([]);
  });

  it('looks a name the index does not know up in a fresh list, which replaces the index', async () => {
    const described = await indexed();
    account.playlists.push({ id: 'newnewnewnewnewnewnew1', name: 'Brand New Beats', trackCount: 5 });

    const response = await turn('PlayPlaylistIntent', { playlist: 'brand new beats' }, described);

    expect(spokenText(response)).toBe('Playing Brand New Beats on Kitchen Echo.');
    expect(calls()).toContain('GET /me/playlists');
  });

  it('falls back to a fresh lookup when Spotify answers 404 for a playlist it holds, and forgets it', async () => {
    const described = await indexed();
    account.playlists.splice(account.playlists.findIndex((playlist) => playlist.id === MORNING_RUN_ID), 1);

    const response = await turn('PlayPlaylistIntent', { playlist: 'morning run' }, described);

    expect(spokenText(response)).toBe("I couldn't find a playlist called morning run. Want me to list your playlists?");
    expect(calls().filter((call) => call.startsWith('GET /'))).toEqual(expect.arrayContaining([`GET /playlists/${MORNING_RUN_ID}`, 'GET /me/playlists']));
    expect(indexOf(response)?.entries.map(([id]) => id)).not.toContain(MORNING_RUN_ID);
    expect(calls()).not.toContain('PUT /me/player/play');
  });

  it('is dropped when a page of the list has another total: playlists were added or removed', async () => {
    const described = await indexed();
    account.playlists.push({ id: 'newnewnewnewnewnewnew1', name: 'Brand New Beats', trackCount: 5 });

    const list = await turn('ListPlaylistsIntent', {}, described);

    expect(spokenText(list)).toMatch(/^You have 31 playlists/);
    expect(indexOf(list)).toBeUndefined();
  });

  it('takes a renamed playlist from the page that shows its new snapshot, and finds it by its new name without listing', async () => {
    const described = await indexed();
    account.playlists[0]!.name = 'Dawn Patrol';

    const list = await turn('ListPlaylistsIntent', {}, described);
    expect(indexOf(list)?.entries[0]?.[1]).toBe('Dawn Patrol');
    expect(indexOf(list)?.entries[0]?.[2]).not.toBe(indexOf(described)?.entries[0]?.[2]);
    harness.spotify.reset();

    const response = await turn('PlayPlaylistIntent', { playlist: 'dawn patrol' }, list);
    expect(spokenText(response)).toBe('Playing Dawn Patrol on Kitchen Echo.');
    expect(calls()).not.toContain('GET /me/playlists');
  });

  it('takes a playlist emptied since from its details, so it is not started', async () => {
    const described = await indexed();
    account.playlists.find((playlist) => playlist.name === 'Rock & Roll <Live>')!.trackCount = 0;

    const details = await turn('PlaylistDetailsIntent', { playlist: 'rock and roll' }, described);

    expect(spokenText(details)).toMatch(/is empty\./);
    expect(indexOf(details)?.entries.find(([, name]) => name === 'Rock & Roll <Live>')?.[3]).toBe(1);
  });

  it('is left out when it would push the response past Alexa’s 24 KB, and the answer is unchanged', async () => {
    const response = await turn('PlaylistDetailsIntent', { playlist: 'songs i keep coming back to on long evenings volume 0299' }, undefined, LONG_NAMES_TOKEN);

    expect(spokenText(response)).toMatch(/^Did you mean Songs I keep coming back to on long evenings, volume 0299, /);
    expect(indexOf(response)).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  });

  it.each([
    ['an entry whose id is not a Spotify id', { total: 1, entries: [['../../me', 'Evil', 'abc']] }],
    ['fewer entries than its total says', { total: 30, entries: [[MORNING_RUN_ID, 'Morning Run', 'abc']] }],
    ['an entry with an odd version', { total: 1, entries: [[MORNING_RUN_ID, 'Morning Run', '<script>']] }],
  ])('is ignored when the device sends back %s', async (_, library) => {
    const response = await harness.ask(intentRequest('AMAZON.HelpIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: { library } }));

    expect(response.sessionAttributes?.library).toBeUndefined();
  });
});
