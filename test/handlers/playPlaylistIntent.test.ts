import type { Directive, ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { playlistUri, type DeviceRecord } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { cardText, cardType, endsSession, repromptText, spokenText, ssml } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const ROCK_AND_ROLL_ID = '1a2b3c4d5e6f7g8h9i0jRR';
const MORNING_RUN_ID = '37i9dQZF1DXcBWIGoYBM5M';
const LOFI_ID = 'c2l3m4n5o6p7q8r9s0t1LF';

const echo: DeviceRecord = { id: 'echo-1', name: 'Kitchen Echo', type: 'Speaker', isActive: false };
const laptop: DeviceRecord = { id: 'laptop-1', name: "Sam's MacBook", type: 'Computer', isActive: false };
const phone: DeviceRecord = { id: 'phone-1', name: 'Pixel', type: 'Smartphone', isActive: false };

const ACCOUNTS = {
  demo: DEMO_ACCESS_TOKEN,
  phonePlaying: 'token-phone-playing',
  laptopOnly: 'token-laptop-only',
  noDevices: 'token-no-devices',
  laptopAndPhone: 'token-laptop-and-phone',
  restrictedOnly: 'token-restricted-only',
  free: 'token-free-account',
  emptyDeepFocus: 'token-empty-deep-focus',
} as const;

function directiveOf(response: ResponseEnvelope, type: string): Directive | undefined {
  return response.response.directives?.find((directive) => directive.type === type);
}

describe('playing a playlist', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      accounts: {
        [ACCOUNTS.demo]: demoAccount(),
        [ACCOUNTS.phonePlaying]: demoAccount({ devices: [{ ...echo }, { ...phone, isActive: true }] }),
        [ACCOUNTS.laptopOnly]: demoAccount({ devices: [{ ...laptop }] }),
        [ACCOUNTS.noDevices]: demoAccount({ devices: [] }),
        [ACCOUNTS.laptopAndPhone]: demoAccount({ devices: [{ ...laptop }, { ...phone }] }),
        [ACCOUNTS.restrictedOnly]: demoAccount({ devices: [{ ...echo, isActive: true, isRestricted: true }] }),
        [ACCOUNTS.free]: demoAccount({ premium: false }),
        [ACCOUNTS.emptyDeepFocus]: demoAccount({
          playlists: demoAccount().playlists.map((playlist) => (playlist.name === 'Deep Focus' ? { ...playlist, trackCount: 0 } : playlist)),
        }),
      },
    });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const play = (spoken: string | undefined, token: string = ACCOUNTS.demo) =>
    harness.ask(intentRequest('PlayPlaylistIntent', { playlist: spoken }, { accessToken: token }));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);
  /** The device list is asked for while the name is looked up: which of the two arrives first is not fixed. */
  const callsInAnyOrder = () => [...calls()].sort();
  const playRequests = () => harness.spotify.requests.filter((request) => request.method === 'PUT');
  const playback = (token: string) => harness.spotify.account(token)!.playback;

  it('finds "rock and roll", starts it on the Echo when nothing is playing, and says so', async () => {
    const response = await play('rock and roll');

    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists', 'PUT /me/player/play']);
    expect(calls().at(-1)).toBe('PUT /me/player/play');
    expect(harness.spotify.requests.find((request) => request.path === '/me/playlists')?.query).toEqual({ limit: '50', offset: '0' });
    expect(playRequests()[0]).toMatchObject({
      query: { device_id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0' },
      body: { context_uri: playlistUri(ROCK_AND_ROLL_ID) },
    });
    expect(spokenText(response)).toBe('Playing Rock & Roll <Live> on Kitchen Echo.');
    expect(ssml(response)).toContain('Rock &amp; Roll &lt;Live&gt;');
    expect(cardText(response)).toContain('Rock & Roll <Live>\non Kitchen Echo');
    expect(endsSession(response)).toBe(true);
  });

  it('plays "morning run" on the demo account\'s Kitchen Echo', async () => {
    const response = await play('morning run');

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(playRequests()[0]?.body).toEqual({ context_uri: playlistUri(MORNING_RUN_ID) });
    expect(playback(ACCOUNTS.demo)).toMatchObject({ contextUri: playlistUri(MORNING_RUN_ID), isPlaying: true });
  });

  it.each(['lofi', 'lofi beats', 'lo fi', 'lo-fi', 'lofi beats to study to'])('finds Lo-Fi Beats to Study To for "play %s", however the words are joined', async (spoken) => {
    const response = await play(spoken);

    expect(spokenText(response)).toBe('Playing Lo-Fi Beats to Study To on Kitchen Echo.');
    expect(playRequests()[0]?.body).toEqual({ context_uri: playlistUri(LOFI_ID) });
  });

  it.each([
    ['kpop', 'K-Pop Hits (2024)'],
    ['k pop hits', 'K-Pop Hits (2024)'],
    ['rnb', 'R&B Slow Jams'],
    ['r and b', 'R&B Slow Jams'],
  ])('finds the name for "play %s" as %j', async (spoken, name) => {
    expect(spokenText(await play(spoken))).toBe(`Playing ${name} on Kitchen Echo.`);
  });

  it('plays on the device that is already playing, even when an Echo is there', async () => {
    const response = await play('morning run', ACCOUNTS.phonePlaying);

    expect(playRequests()).toHaveLength(1);
    expect(playRequests()[0]?.query).toEqual({ device_id: 'phone-1' });
    expect(spokenText(response)).toBe('Playing Morning Run on Pixel.');
  });

  it('plays on the only device there is', async () => {
    const response = await play('morning run', ACCOUNTS.laptopOnly);

    expect(playRequests()[0]?.query).toEqual({ device_id: 'laptop-1' });
    expect(spokenText(response)).toBe("Playing Morning Run on Sam's MacBook.");
    expect(ssml(response)).toContain('Sam&apos;s MacBook');
  });

  it.each([
    ['there is no device at all', ACCOUNTS.noDevices, /couldn't find a Spotify device to play Morning Run on\. Open Spotify/],
    ['the only device refuses remote control', ACCOUNTS.restrictedOnly, /couldn't find a Spotify device to play Morning Run on/],
    ['several devices are idle and none is a speaker', ACCOUNTS.laptopAndPhone, /found 2 Spotify devices, but none of them is playing/],
  ])('starts nothing, says what to do when %s, and plays it on "yes" once that is done', async (_, token, sentence) => {
    const response = await play('morning run', token);

    expect(spokenText(response)).toMatch(sentence);
    expect(spokenText(response)).toMatch(/then say yes, and I'll (?:try again|play Morning Run there)\.$/);
    expect(repromptText(response)).toBe('Should I try playing Morning Run again? Say yes or no.');
    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists']);
    expect(playback(token).isPlaying).toBe(false);
    expect(endsSession(response)).toBe(false);

    // The user opens Spotify on the phone and says yes.
    harness.spotify.account(token)!.devices = [{ ...phone, isActive: true }];
    const yes = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: token, attributes: response.sessionAttributes ?? {} }));

    expect(spokenText(yes)).toBe('Playing Morning Run on Pixel.');
    expect(playback(token)).toMatchObject({ contextUri: playlistUri(MORNING_RUN_ID), isPlaying: true });
  });

  it('says an empty playlist has nothing to play instead of "Playing Empty for Now", and starts nothing', async () => {
    const response = await play('empty for now');

    expect(spokenText(response)).toBe("Empty for Now is empty, so there's nothing to play. Once you add some songs to it in Spotify, I can play it for you.");
    expect(endsSession(response)).toBe(true);
    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists']);
  });

  it('remembers which offered choice is empty, so picking it says so and starts nothing', async () => {
    const question = await play('deep', ACCOUNTS.emptyDeepFocus);
    expect(spokenText(question)).toBe('Did you mean Deep Focus or Deep House?');
    harness.spotify.reset();

    const answer = await harness.ask(
      intentRequest('PlayPlaylistIntent', { playlist: 'the first one' }, { accessToken: ACCOUNTS.emptyDeepFocus, attributes: question.sessionAttributes ?? {} }),
    );
    expect(spokenText(answer)).toBe("Deep Focus is empty, so there's nothing to play. Once you add some songs to it in Spotify, I can play it for you.");
    expect(playRequests()).toEqual([]);
  });

  it('says that playback needs Premium when Spotify answers 403 PREMIUM_REQUIRED, and nothing plays', async () => {
    const response = await play('morning run', ACCOUNTS.free);

    expect(spokenText(response)).toBe('Playing Morning Run needs a Spotify Premium account. I can still list your playlists and tell you about them. Want to hear them?');
    expect(playRequests()).toHaveLength(1);
    expect(playback(ACCOUNTS.free).isPlaying).toBe(false);
    expect(endsSession(response)).toBe(false);

    const yes = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: ACCOUNTS.free, attributes: response.sessionAttributes ?? {} }));
    expect(spokenText(yes)).toMatch(/^You have 30 playlists\. Here are the first 5: Morning Run,/);
  });

  it.each([
    ['404 NO_ACTIVE_DEVICE', { status: 404, body: { error: { status: 404, message: 'No active device found', reason: 'NO_ACTIVE_DEVICE' } } }, /device went to sleep before Morning Run could start\. Open Spotify/],
    ['404 for a device that vanished', { status: 404, body: { error: { status: 404, message: 'Device not found' } } }, /device went to sleep/],
    ['403 restriction violated', { status: 403, body: { error: { status: 403, message: 'Restriction violated', reason: 'UNKNOWN' } } }, /^Kitchen Echo doesn't let me start music on it\. Start Morning Run in the Spotify app instead\.$/],
    ['403 for a token without the playback scope', { status: 403, body: { error: { status: 403, message: 'Insufficient client scope' } } }, /^Spotify didn't allow that for your account, so I couldn't do it\.$/],
  ])('says what to do when playback meets %s', async (_, fault, sentence) => {
    harness.spotify.inject({ method: 'PUT', path: '/me/player/play', fault: { kind: 'status', ...fault } });
    const before = { ...playback(ACCOUNTS.demo) };
    const response = await play('morning run');

    expect(spokenText(response)).toMatch(sentence);
    expect(playRequests()).toHaveLength(1);
    expect(playback(ACCOUNTS.demo)).toEqual(before);
  });

  it('leaves other failures to the error handler', async () => {
    harness.spotify.inject({ method: 'PUT', path: '/me/player/play', fault: { kind: 'status', status: 503 }, times: 2 });
    const response = await play('deep focus');

    expect(spokenText(response)).toMatch(/couldn't reach Spotify/);
  });

  it('asks which one when two names fit, starts nothing, and keeps the choices for the answer', async () => {
    const response = await play('deep');

    expect(spokenText(response)).toBe('Did you mean Deep Focus or Deep House?');
    expect(repromptText(response)).toMatch(/Which one\?/);
    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists']);
    expect(directiveOf(response, 'Dialog.ElicitSlot')).toMatchObject({ slotToElicit: 'playlist', updatedIntent: { name: 'PlayPlaylistIntent' } });
    expect(response.sessionAttributes?.pendingChoice).toEqual({
      action: 'play',
      choices: [
        // Spotify's own playlist is remembered as such, for "tell me about it" afterwards.
        { id: '4d5e6f7g8h9i0j1k2l3mDF', name: 'Deep Focus', uri: playlistUri('4d5e6f7g8h9i0j1k2l3mDF'), ownedBySpotify: true },
        { id: '5e6f7g8h9i0j1k2l3m4nDH', name: 'Deep House', uri: playlistUri('5e6f7g8h9i0j1k2l3m4nDH') },
      ],
    });
    expect(endsSession(response)).toBe(false);
  });

  it('says it found nothing for an unknown name, offers to list, starts nothing', async () => {
    const response = await play('heavy metal & thunder');

    expect(spokenText(response)).toBe("I couldn't find a playlist called heavy metal & thunder. Want me to list your playlists?");
    expect(ssml(response)).toContain('heavy metal &amp; thunder');
    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists']);
    expect(response.sessionAttributes?.offer).toEqual({ kind: 'list' });
    expect(endsSession(response)).toBe(false);
  });

  it('clips a 250 KB spoken name before matching it, and says only the start of it back', async () => {
    const response = await play(`heavy metal ${'ab'.repeat(125_000)}`);

    expect(spokenText(response)).toMatch(/^I couldn't find a playlist called heavy metal [ab]+…\. Want me to list your playlists\?$/);
    expect(ssml(response).length).toBeLessThan(1000);
    expect(callsInAnyOrder()).toEqual(['GET /me/player/devices', 'GET /me/playlists']);
  });

  it('teaches Alexa the playlist names when the session goes on after a miss', async () => {
    const response = await play('heavy metal thunder');

    const update = directiveOf(response, 'Dialog.UpdateDynamicEntities') as { types: Array<{ name: string; values: unknown[] }> } | undefined;
    expect(update?.types[0]?.name).toBe('PlaylistName');
    expect(update?.types[0]?.values).toHaveLength(30);
    expect(response.sessionAttributes?.playlistEntitiesSent).toBe(30);
  });

  it('asks for the name instead of guessing when the slot is empty, and calls nothing', async () => {
    const response = await play(undefined);

    expect(spokenText(response)).toBe('Which playlist should I play?');
    expect(directiveOf(response, 'Dialog.ElicitSlot')).toMatchObject({ slotToElicit: 'playlist', updatedIntent: { name: 'PlayPlaylistIntent' } });
    expect(calls()).toEqual([]);
    expect(endsSession(response)).toBe(false);
  });

  it('treats a blank slot as empty', async () => {
    const response = await play('   ');

    expect(spokenText(response)).toBe('Which playlist should I play?');
  });

  it('says so when the user has no playlists at all', async () => {
    const token = 'token-without-playlists';
    const local = await startHarness({ accounts: { [token]: demoAccount({ playlists: [] }) } });
    try {
      const response = await local.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { accessToken: token }));
      expect(spokenText(response)).toMatch(/don't have any playlists on Spotify yet/);
      expect(endsSession(response)).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('sends the LinkAccount card to an unlinked user, named or not, and calls nothing', async () => {
    for (const spoken of ['morning run', undefined]) {
      const response = await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: spoken }, { accessToken: null }));
      expect(cardType(response)).toBe('LinkAccount');
    }
    expect(calls()).toEqual([]);
  });
});
