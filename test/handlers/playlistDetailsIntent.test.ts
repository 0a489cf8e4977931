import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { errorJson, type PlaylistRecord } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { cardText, endsSession, repromptText, spokenText, ssml } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const CUSTOM_TOKEN = 'token-with-described-playlists';
const CUSTOM_PLAYLISTS: PlaylistRecord[] = [
  { id: 'plOne', name: 'Solo Song', trackCount: 1, ownerName: null, ownerId: 'someone', description: '<a href="spotify:user:x">Curated</a> by <i>Tom &amp; Jerry</i>' },
  { id: 'plLong', name: 'Long Story', trackCount: 12, description: `${'A sentence about music. '.repeat(5)}${'more words '.repeat(40)}` },
  { id: 'plCollab', name: 'Road Crew', trackCount: 3, collaborative: true, public: false },
];

describe('hearing about a playlist', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      accounts: { [DEMO_ACCESS_TOKEN]: demoAccount(), [CUSTOM_TOKEN]: demoAccount({ playlists: CUSTOM_PLAYLISTS }) },
    });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const details = (spoken: string | undefined, token = DEMO_ACCESS_TOKEN) =>
    harness.ask(intentRequest('PlaylistDetailsIntent', { playlist: spoken }, { accessToken: token }));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);

  it('tells about "chill vibes": name, owner, tracks, visibility and the description without HTML', async () => {
    const response = await details('chill vibes');

    expect(calls()).toEqual(['GET /me/playlists', 'GET /playlists/2b3c4d5e6f7g8h9i0j1kCV']);
    expect(spokenText(response)).toBe(
      'Chill "Vibes", by Demo Listener, has 64 tracks. It\'s public. Its description says: Slow down & breathe. Want me to play it?',
    );
    expect(ssml(response)).toContain('Chill &quot;Vibes&quot;');
    expect(ssml(response)).toContain('Slow down &amp; breathe.');
    expect(repromptText(response)).toBe('Should I play Chill "Vibes"? Say yes or no.');
    expect(endsSession(response)).toBe(false);
  });

  it('puts the same facts on the card, as they are', async () => {
    const response = await details('morning run');

    expect(cardText(response)).toBe('Morning Run\nBy Demo Listener\n42 tracks\nPublic\nUpbeat tempo for the first 5k.');
  });

  it('says when a playlist is private, empty, or made by someone else', async () => {
    expect(spokenText(await details('sundays pancakes'))).toMatch(/^Sunday's Pancakes, by Demo Listener, has 23 tracks\. It's private\. Want me/);
    expect(spokenText(await details('empty for now'))).toMatch(/^Empty for Now, by Demo Listener, is empty\. It's public\. /);
    expect(spokenText(await details('deep focus'))).toMatch(/^Deep Focus, by Spotify, has 150 tracks\./);
  });

  it('does not offer to play an empty playlist, and a "yes" afterwards starts nothing', async () => {
    const described = await details('empty for now');

    expect(spokenText(described)).toBe("Empty for Now, by Demo Listener, is empty. It's public. Once it has songs, I can play it for you. What else would you like?");
    expect(repromptText(described)).toBe('What would you like to do?');
    expect(endsSession(described)).toBe(false);
    expect(described.sessionAttributes?.offer).toBeUndefined();

    harness.spotify.reset();
    const yes = await harness.ask(
      intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: described.sessionAttributes ?? {} }),
    );
    expect(spokenText(yes)).not.toMatch(/^Playing/);
    expect(calls()).not.toContain('PUT /me/player/play');
  });

  it('reads one track, no owner when the owner has no display name (never their account id), and link text from the description', async () => {
    const response = await details('solo song', CUSTOM_TOKEN);

    expect(spokenText(response)).toBe("Solo Song has one track. It's public. Its description says: Curated by Tom & Jerry. Want me to play it?");
    expect(cardText(response)).toBe('Solo Song\n1 track\nPublic\nCurated by Tom & Jerry');
  });

  it('shortens a long description and calls a collaborative playlist collaborative', async () => {
    const long = spokenText(await details('long story', CUSTOM_TOKEN));
    expect(long).toMatch(/Its description says: (A sentence about music\. ){1,8}Want me to play it\?$/);

    expect(spokenText(await details('road crew', CUSTOM_TOKEN))).toMatch(/It's a collaborative playlist\./);
  });

  it('asks for the name when none was given', async () => {
    const response = await details(undefined);

    expect(spokenText(response)).toBe('Which playlist would you like to hear about?');
    expect(response.response.directives?.[0]).toMatchObject({ type: 'Dialog.ElicitSlot', updatedIntent: { name: 'PlaylistDetailsIntent' } });
    expect(calls()).toEqual([]);
  });

  it('says the playlist was not found when Spotify answers 404 for it', async () => {
    harness.spotify.inject({ path: /^\/playlists\//, fault: { kind: 'status', status: 404 } });
    const response = await details('morning run');

    expect(spokenText(response)).toMatch(/couldn't find that on Spotify/);
  });

  it("says Spotify keeps a Spotify-owned playlist's details from the skill when it answers 404, and still offers to play it", async () => {
    // Since November 2024 apps in development mode and new apps get 404 for Spotify's editorial playlists.
    harness.spotify.inject({ path: '/playlists/4d5e6f7g8h9i0j1k2l3mDF', fault: { kind: 'status', status: 404, body: errorJson(404, 'Resource not found') } });
    const described = await details('deep focus');

    expect(spokenText(described)).toBe("Deep Focus is one of Spotify's own playlists, and Spotify doesn't share their details with this skill. Want me to play it?");
    expect(repromptText(described)).toBe('Should I play Deep Focus? Say yes or no.');
    expect(endsSession(described)).toBe(false);

    harness.spotify.reset();
    const yes = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: described.sessionAttributes ?? {} }));
    expect(spokenText(yes)).toMatch(/^Playing Deep Focus on /);
    expect(harness.spotify.requests.find((request) => request.method === 'PUT')?.body).toMatchObject({ context_uri: 'spotify:playlist:4d5e6f7g8h9i0j1k2l3mDF' });
  });

  it('never asks the deprecated tracks endpoint', async () => {
    await details('morning run');

    expect(calls().some((call) => call.endsWith('/tracks'))).toBe(false);
  });
});
