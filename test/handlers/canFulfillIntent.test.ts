import type { ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { NAME_FREE_INTENTS } from '../../lambda/alexa/handledIntents';
import { canFulfillIntentRequest } from '../support/envelopes';
import { startHarness, type Harness } from '../support/skillHarness';

const MANY = 'token-with-250-playlists';
const manyPlaylists: PlaylistRecord[] = Array.from({ length: 250 }, (_, index) => ({
  id: `many${String(index).padStart(18, '0')}`,
  name: index === 240 ? 'Hidden Gem' : `Mix number ${index}`,
  trackCount: 10,
}));

/** A name-free answer carries canFulfillIntent and nothing a user could notice. */
function expectSilent(response: ResponseEnvelope): void {
  const { canFulfillIntent, ...rest } = response.response;
  expect(canFulfillIntent).toBeDefined();
  expect(rest).toEqual({});
}

describe('CanFulfillIntentRequest, for name-free requests', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount(), [MANY]: demoAccount({ playlists: manyPlaylists }) } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const ask = (intent: string, slots: Record<string, string | undefined> = {}, accessToken: string | null = DEMO_ACCESS_TOKEN) =>
    harness.ask(canFulfillIntentRequest(intent, slots, { accessToken }));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);

  it.each([
    ['PlayPlaylistIntent', 'workout', { canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } }],
    ['PlayPlaylistIntent', 'my lofi playlist', { canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } }],
    ['PlaylistDetailsIntent', 'morning run', { canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } }],
    ['PlayPlaylistIntent', 'deep', { canFulfill: 'MAYBE', slots: { playlist: { canUnderstand: 'MAYBE', canFulfill: 'YES' } } }],
    ['PlayPlaylistIntent', 'bohemian rhapsody', { canFulfill: 'NO', slots: { playlist: { canUnderstand: 'NO', canFulfill: 'NO' } } }],
    ['PlayPlaylistIntent', 'empty for now', { canFulfill: 'NO', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'NO' } } }],
    ['PlaylistDetailsIntent', 'empty for now', { canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } }],
  ])('answers %s for "%s" from the user\'s own playlists, reading them and changing nothing', async (intent, playlist, expected) => {
    const response = await ask(intent, { playlist });

    expect(response.response.canFulfillIntent).toEqual(expected);
    expectSilent(response);
    expect(new Set(calls())).toEqual(new Set(['GET /me/playlists']));
  });

  it.each([
    ['de-DE', 'rock und roll'],
    ['fr-FR', 'rock et roll'],
    ['es-US', 'rock y roll'],
  ])('matches the name in the language of the locale: in %s "%s" is Rock & Roll <Live>', async (locale, playlist) => {
    const response = await harness.ask(canFulfillIntentRequest('PlayPlaylistIntent', { playlist }, { accessToken: DEMO_ACCESS_TOKEN, locale }));

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } });
  });

  it.each(NAME_FREE_INTENTS)('takes %s name-free, as the list npm run validate checks skill.json against says', async (intent) => {
    const response = await ask(intent, intent === 'ListPlaylistsIntent' ? {} : { playlist: 'morning run' });

    expect(response.response.canFulfillIntent?.canFulfill).toBe('YES');
  });

  it('can always list a linked user\'s playlists, without calling Spotify', async () => {
    const response = await ask('ListPlaylistsIntent');

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'YES' });
    expectSilent(response);
    expect(calls()).toEqual([]);
  });

  it.each(['PlayPlaylistIntent', 'PlaylistDetailsIntent'])('answers MAYBE for %s without a name: the skill would ask which one', async (intent) => {
    const response = await ask(intent, { playlist: undefined });

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'MAYBE' });
    expect(calls()).toEqual([]);
  });

  it('answers NO for an unlinked user, who would only get the LinkAccount card, and calls nothing', async () => {
    const play = await ask('PlayPlaylistIntent', { playlist: 'workout' }, null);
    const list = await ask('ListPlaylistsIntent', {}, null);

    expect(play.response.canFulfillIntent).toEqual({ canFulfill: 'NO', slots: { playlist: { canUnderstand: 'MAYBE', canFulfill: 'NO' } } });
    expect(list.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
    expectSilent(play);
    expect(calls()).toEqual([]);
  });

  it.each([
    ['a built-in intent', 'AMAZON.HelpIntent', {}, { canFulfill: 'NO' }],
    ['an intent the skill does not have', 'OrderPizzaIntent', { topping: 'ham' }, { canFulfill: 'NO', slots: { topping: { canUnderstand: 'NO', canFulfill: 'NO' } } }],
    ['a slot the skill does not know', 'PlayPlaylistIntent', { playlist: 'workout', artist: 'abba' }, {
      canFulfill: 'NO',
      slots: { playlist: { canUnderstand: 'NO', canFulfill: 'NO' }, artist: { canUnderstand: 'NO', canFulfill: 'NO' } },
    }],
  ])('answers NO for %s', async (_, intent, slots, expected) => {
    const response = await ask(intent, slots);

    expect(response.response.canFulfillIntent).toEqual(expected);
    expectSilent(response);
    expect(calls()).toEqual([]);
  });

  it('answers NO, without speech, for a request with no intent at all', async () => {
    const envelope = canFulfillIntentRequest('PlayPlaylistIntent');
    delete (envelope.request as { intent?: unknown }).intent;

    const response = await harness.ask(envelope);

    expect(response.response).toEqual({ canFulfillIntent: { canFulfill: 'NO' } });
  });

  it.each([
    ['Spotify is down', { kind: 'status', status: 503 } as const, 2],
    ['Spotify no longer accepts the token', { kind: 'status', status: 401 } as const, 1],
    ['Spotify never answers', { kind: 'hang' } as const, 2],
  ])('answers NO when %s, since the skill could not do it now either', async (_, fault, times) => {
    harness.spotify.inject({ path: '/me/playlists', fault, times });

    const response = await ask('PlayPlaylistIntent', { playlist: 'workout' });

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'NO', slots: { playlist: { canUnderstand: 'NO', canFulfill: 'NO' } } });
    expectSilent(response);
  });

  it('answers MAYBE when a name is not among the playlists it had time to read: it may be among the rest', async () => {
    // The page that holds the name takes longer than the check's whole budget; the others arrive.
    harness.spotify.inject({ path: '/me/playlists', query: { offset: '200' }, fault: { kind: 'hang' } });

    const response = await ask('PlayPlaylistIntent', { playlist: 'hidden gem' }, MANY);

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'MAYBE', slots: { playlist: { canUnderstand: 'MAYBE', canFulfill: 'NO' } } });
    // Every other page was read; the fifth, which holds the name, never arrived.
    expect(harness.spotify.requests.map((request) => request.query.offset)).toEqual(expect.arrayContaining(['0', '50', '100', '150', '200']));
  });

  it('finds a name on a later page when there is time to read it', async () => {
    const response = await ask('PlayPlaylistIntent', { playlist: 'hidden gem' }, MANY);

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { playlist: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    expect(calls()).toEqual(Array(5).fill('GET /me/playlists'));
  });

  it('answers a forged request naming a thousand slots with at most ten of them, well inside the 24 KB Alexa takes', async () => {
    const slots = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`slot${index}`, `value ${index}`]));

    const response = await ask('PlayPlaylistIntent', { ...slots, playlist: 'workout' });

    expect(response.response.canFulfillIntent).toMatchObject({ canFulfill: 'NO' });
    expect(Object.keys(response.response.canFulfillIntent?.slots ?? {})).toHaveLength(10);
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(2000);
    expect(calls()).toEqual([]);
  });

  it('clips a 250 KB slot value before matching it, as every spoken value is', async () => {
    const response = await ask('PlayPlaylistIntent', { playlist: `workout ${'ab'.repeat(125_000)}` });

    expect(response.response.canFulfillIntent).toEqual({ canFulfill: 'NO', slots: { playlist: { canUnderstand: 'NO', canFulfill: 'NO' } } });
  });
});
