import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { DYNAMIC_AUTHORITY, intentRequest, launchRequest, resolved, STATIC_AUTHORITY } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startedAfter } from '../support/callOrder';
import { startHarness, type Harness } from '../support/skillHarness';

const MORNING_RUN_ID = '37i9dQZF1DXcBWIGoYBM5M';

type EntityUpdate = { types: Array<{ name: string; values: Array<{ id: string; name: { value: string } }> }> };

function entityUpdate(response: ResponseEnvelope): EntityUpdate | undefined {
  return response.response.directives?.find((directive: Directive) => directive.type === 'Dialog.UpdateDynamicEntities') as EntityUpdate | undefined;
}

describe("teaching Alexa the user's playlist names", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);
  const play = (spoken: string, attributes?: Record<string, unknown>) =>
    intentRequest('PlayPlaylistIntent', { playlist: spoken }, { accessToken: DEMO_ACCESS_TOKEN, attributes });

  it('sends every name at launch, spoken-friendly, and remembers it did', async () => {
    const response = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    const values = entityUpdate(response)?.types[0]?.values ?? [];
    expect(values).toHaveLength(30);
    expect(values).toContainEqual({ id: '1a2b3c4d5e6f7g8h9i0jRR', name: { value: 'rock and roll live', synonyms: ['rock and roll'] } });
    expect(response.sessionAttributes?.playlistEntitiesSent).toBe(30);
  });

  it('sends the names just listed in a session that has none yet, and no fewer names over more', async () => {
    const fresh = await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    expect(entityUpdate(fresh)?.types[0]?.values.map((value) => value.name.value)).toEqual([
      'morning run', 'rock and roll live', 'chill vibes', 'cafe del mar', 'deep focus',
    ]);

    const afterLaunch = await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: { playlistEntitiesSent: 30 } }));
    expect(entityUpdate(afterLaunch)).toBeUndefined();
  });

  it('does not send the names again when the session already has them all', async () => {
    const response = await harness.ask(play('bohemian rhapsody', { playlistEntitiesSent: 30 }));

    expect(entityUpdate(response)).toBeUndefined();
  });

  it("trusts a match from the session's own entities: one call for the playlist, no listing", async () => {
    const response = await harness.ask(resolved(play('the run in the morning'), { authority: DYNAMIC_AUTHORITY, ids: [MORNING_RUN_ID] }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    expect([...calls()].sort()).toEqual(['GET /me/player/devices', `GET /playlists/${MORNING_RUN_ID}`, 'PUT /me/player/play']);
    expect(calls().at(-1)).toBe('PUT /me/player/play');
  });

  it('matches the spoken words when the entity names a playlist deleted since', async () => {
    const response = await harness.ask(resolved(play('morning run'), { authority: DYNAMIC_AUTHORITY, ids: ['deleted0000000000000000'] }));

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    expect([...calls()].sort()).toEqual(['GET /me/player/devices', 'GET /me/playlists', 'GET /playlists/deleted0000000000000000', 'PUT /me/player/play']);
    const [deleted, listing] = ['/playlists/deleted0000000000000000', '/me/playlists'].map((path) => harness.spotify.requests.find((request) => request.path === path)!);
    expect(startedAfter(listing!, deleted!)).toBe(true);
  });

  it.each(['..', '.', '../me/player/play', '%2e%2e', 'id?x=1', 'id#frag'])(
    'never turns an entity id of %j into a Spotify path: it matches the spoken words instead',
    async (id) => {
      const response = await harness.ask(resolved(play('morning run'), { authority: DYNAMIC_AUTHORITY, ids: [id] }));

      expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
      expect([...calls()].sort()).toEqual(['GET /me/player/devices', 'GET /me/playlists', 'PUT /me/player/play']);
      expect(harness.spotify.requests.every((request) => !request.path.startsWith('/playlists/'))).toBe(true);
    },
  );

  it('matches the spoken words when the dynamic match is not unique, or only the static catalogue matched', async () => {
    for (const envelope of [
      resolved(play('deep focus'), { authority: DYNAMIC_AUTHORITY, ids: ['4d5e6f7g8h9i0j1k2l3mDF', '5e6f7g8h9i0j1k2l3m4nDH'] }),
      resolved(play('deep focus'), { authority: STATIC_AUTHORITY, ids: ['deep focus'] }, { authority: DYNAMIC_AUTHORITY, ids: [] }),
    ]) {
      harness.spotify.reset();
      const response = await harness.ask(envelope);
      expect(spokenText(response)).toBe('Playing Deep Focus on Kitchen Echo.');
      expect(calls()).toContain('GET /me/playlists');
      expect(calls().filter((call) => call.startsWith('GET /playlists/'))).toEqual([]);
    }
  });
});
