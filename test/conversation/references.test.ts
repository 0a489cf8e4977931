import type { Directive, IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { playlistUri } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { endsSession, repromptText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const ID = {
  morningRun: '37i9dQZF1DXcBWIGoYBM5M',
  rockAndRoll: '1a2b3c4d5e6f7g8h9i0jRR',
  chillVibes: '2b3c4d5e6f7g8h9i0j1kCV',
  deepFocus: '4d5e6f7g8h9i0j1k2l3mDF',
  deepHouse: '5e6f7g8h9i0j1k2l3m4nDH',
  roadTrip: '6f7g8h9i0j1k2l3m4n5oRT',
} as const;
const LAST_ONE_TOKEN = 'token-with-a-playlist-called-the-last-one';

function elicits(response: ResponseEnvelope): boolean {
  return (response.response.directives ?? []).some((directive: Directive) => directive.type === 'Dialog.ElicitSlot');
}

describe('"the third one", "number two", "that one" and "play it" after a list or a description', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      accounts: {
        [DEMO_ACCESS_TOKEN]: demoAccount(),
        [LAST_ONE_TOKEN]: demoAccount({
          playlists: ['Morning Run', 'The Last One', 'Deep Focus', 'Deep House', 'Workout'].map((name, index) => ({ id: `lastone${index}`, name, trackCount: 10 })),
        }),
      },
    });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const turn = (intent: string, slots: Record<string, string | undefined> = {}, previous?: ResponseEnvelope, token: string = DEMO_ACCESS_TOKEN) =>
    harness.ask(intentRequest(intent, slots, { accessToken: token, attributes: previous?.sessionAttributes ?? {} }));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);
  const played = () => harness.spotify.requests.find((request) => request.method === 'PUT')?.body;

  async function listed(token: string = DEMO_ACCESS_TOKEN): Promise<ResponseEnvelope> {
    const list = await turn('ListPlaylistsIntent', {}, undefined, token);
    expect(spokenText(list)).toMatch(/(?:Here are the first 5|You have 5 playlists): Morning Run, /);
    harness.spotify.reset();
    return list;
  }

  it.each([
    ['the third one', 'Chill "Vibes"', ID.chillVibes],
    ['number two', 'Rock & Roll <Live>', ID.rockAndRoll],
    ['the last one', 'Deep Focus', ID.deepFocus],
    ['the 1st', 'Morning Run', ID.morningRun],
  ])('plays "%s" of the names just listed, straight away: no listing again', async (said, name, id) => {
    const response = await turn('PlayPlaylistIntent', { playlist: said }, await listed());

    expect(spokenText(response)).toBe(`Playing ${name} on Kitchen Echo.`);
    expect(played()).toEqual({ context_uri: playlistUri(id) });
    expect(calls()).toEqual(['GET /me/player/devices', 'PUT /me/player/play']);
  });

  it('describes "number two" of the names just listed with one call, for that playlist', async () => {
    const response = await turn('PlaylistDetailsIntent', { playlist: 'number two' }, await listed());

    expect(spokenText(response)).toMatch(/^Rock & Roll <Live>, by Demo Listener, has 87 tracks\./);
    expect(calls()).toEqual([`GET /playlists/${ID.rockAndRoll}`]);
  });

  it('plays a name just listed, said whole, without listing again', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'deep focus' }, await listed());

    expect(spokenText(response)).toBe('Playing Deep Focus on Kitchen Echo.');
    expect(calls()).toEqual(['GET /me/player/devices', 'PUT /me/player/play']);
  });

  it('counts on the next page as the card numbers it, and as the names were heard', async () => {
    const next = await turn('AMAZON.YesIntent', {}, await listed());
    expect(spokenText(next)).toMatch(/^Here are the next ones: Deep House, Road Trip 🚗,/);

    for (const said of ['number seven', 'the second one']) {
      harness.spotify.reset();
      const response = await turn('PlayPlaylistIntent', { playlist: said }, next);
      expect(spokenText(response)).toBe('Playing Road Trip 🚗 on Kitchen Echo.');
      expect(played()).toEqual({ context_uri: playlistUri(ID.roadTrip) });
    }
  });

  it('says an empty playlist picked by its number has nothing to play, and asks Spotify nothing', async () => {
    const next = await turn('AMAZON.YesIntent', {}, await listed());
    harness.spotify.reset();

    const response = await turn('PlayPlaylistIntent', { playlist: 'number nine' }, next);

    expect(spokenText(response)).toMatch(/^Empty for Now is empty/);
    expect(calls()).toEqual([]);
  });

  it('says how many it read out and asks which, keeping the names, for "the seventh one" after five', async () => {
    const list = await listed();
    const response = await turn('PlayPlaylistIntent', { playlist: 'the seventh one' }, list);

    expect(spokenText(response)).toBe('I only read out 5 names just now. Which one? You can say its name, or the first one.');
    expect(elicits(response)).toBe(true);
    expect(endsSession(response)).toBe(false);
    expect(calls()).toEqual([]);

    const answer = await turn('PlayPlaylistIntent', { playlist: 'the first one' }, response);
    expect(spokenText(answer)).toBe('Playing Morning Run on Kitchen Echo.');
  });

  it('asks which one for "that one" after several names, and calls nothing', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'that one' }, await listed());

    expect(spokenText(response)).toBe('Which one? You can say its name, or the first one.');
    expect(repromptText(response)).toBe('Which one? You can say its name, or the first one.');
    expect(elicits(response)).toBe(true);
    expect(calls()).toEqual([]);
  });

  it.each(['it', 'that one', 'that playlist'])('plays the playlist just described on "play %s"', async (said) => {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
    harness.spotify.reset();

    const response = await turn('PlayPlaylistIntent', { playlist: said }, described);

    expect(spokenText(response)).toBe('Playing Deep House on Kitchen Echo.');
    expect(played()).toEqual({ context_uri: playlistUri(ID.deepHouse) });
    expect(calls()).toEqual(['GET /me/player/devices', 'PUT /me/player/play']);
  });

  it('keeps the list for ordinals after describing one of it, and "it" for the one described', async () => {
    const second = await turn('PlaylistDetailsIntent', { playlist: 'the second one' }, await listed());
    expect(spokenText(second)).toMatch(/^Rock & Roll <Live>/);

    const third = await turn('PlayPlaylistIntent', { playlist: 'the third one' }, second);
    expect(spokenText(third)).toBe('Playing Chill "Vibes" on Kitchen Echo.');
    const it = await turn('PlayPlaylistIntent', { playlist: 'it' }, second);
    expect(spokenText(it)).toBe('Playing Rock & Roll <Live> on Kitchen Echo.');
  });

  it('forgets the playlist described once a new page is read, so "that one" asks which', async () => {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
    const list = await turn('ListPlaylistsIntent', {}, described);

    const response = await turn('PlayPlaylistIntent', { playlist: 'that one' }, list);

    expect(spokenText(response)).toBe('Which one? You can say its name, or the first one.');
  });

  it('plays a playlist called "The Last One" when that name was just read out', async () => {
    const list = await listed(LAST_ONE_TOKEN);
    const response = await turn('PlayPlaylistIntent', { playlist: 'the last one' }, list, LAST_ONE_TOKEN);

    expect(spokenText(response)).toBe('Playing The Last One on Kitchen Echo.');
  });

  it('offers the list for "play the third one" when nothing was read out yet, and lists on "yes"', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'the third one' });

    expect(spokenText(response)).toBe("I haven't read out any of your playlists yet. Want me to list them?");
    expect(endsSession(response)).toBe(false);
    expect(calls()).not.toContain('PUT /me/player/play');

    const yes = await turn('AMAZON.YesIntent', {}, response);
    expect(spokenText(yes)).toMatch(/^You have 30 playlists\. Here are the first 5/);
  });

  it('asks which playlist for "play it" when nothing was heard of yet', async () => {
    const response = await turn('PlayPlaylistIntent', { playlist: 'it' });

    expect(spokenText(response)).toBe('Which playlist should I play?');
    expect(elicits(response)).toBe(true);
  });

  it('takes a bare "two" beyond the names heard as a name, not a position', async () => {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });

    const response = await turn('PlayPlaylistIntent', { playlist: 'workout two' }, described);
    expect(spokenText(response)).toBe('Playing Workout 2 on Kitchen Echo.');
    const bare = await turn('PlayPlaylistIntent', { playlist: 'two' }, described);
    expect(spokenText(bare)).not.toMatch(/only read out/);
  });

  it('ignores names just listed that were tampered with', async () => {
    const attributes = { listed: { offset: 0, playlists: [{ id: '../../me', name: 'Evil', uri: 'spotify:playlist:x' }] } };
    const envelope: RequestEnvelope = intentRequest('PlayPlaylistIntent', { playlist: 'the first one' }, { accessToken: DEMO_ACCESS_TOKEN, attributes });

    const response = await harness.ask(envelope);

    expect(spokenText(response)).toBe("I haven't read out any of your playlists yet. Want me to list them?");
    expect((envelope.request as IntentRequest).intent.name).toBe('PlayPlaylistIntent');
    expect(calls()).not.toContain('PUT /me/player/play');
  });
});
