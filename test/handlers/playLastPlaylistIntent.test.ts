import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../local/persistence/embeddedDynamoDb';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { playlistUri, type AccountRecord } from '../../local/spotify/model';
import { intentRequest, type EnvelopeOptions } from '../support/envelopes';
import { endsSession, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const MORNING_RUN = '37i9dQZF1DXcBWIGoYBM5M';

let sessionCount = 0;
/** A new session each time, as on a device the next day. */
function inNewSession(): EnvelopeOptions {
  sessionCount += 1;
  return { accessToken: DEMO_ACCESS_TOKEN, sessionId: `amzn1.echo-api.session.play-again-${sessionCount}`, newSession: true };
}

function account(harness: Harness): AccountRecord {
  return harness.spotify.account(DEMO_ACCESS_TOKEN)!;
}

/** Two computers and no speaker: with none of them playing, nothing says which one the user wants. */
function twoComputers(): AccountRecord {
  return demoAccount({
    devices: [
      { id: 'work-laptop-0000000000000000000000000000', name: 'Work Laptop', type: 'Computer', isActive: false },
      { id: 'home-desktop-000000000000000000000000000', name: 'Home Desktop', type: 'Computer', isActive: false },
    ],
  });
}

describe('"play it again", remembered between sessions in DynamoDB', () => {
  let table: EmbeddedDynamoDb;
  let harness: Harness;
  beforeAll(async () => {
    table = await startEmbeddedDynamoDb();
  });
  afterAll(() => table.close());
  afterEach(() => harness.close());

  // Each test has a listener of its own, so the shared table never carries one test into the next.
  async function start(accounts: Record<string, AccountRecord> = { [DEMO_ACCESS_TOKEN]: demoAccount() }): Promise<void> {
    harness = await startHarness({ table, accounts });
  }

  it('starts, in a later session, the playlist the listener played last', async () => {
    await start();
    const userId = 'amzn1.ask.account.PLAYAGAIN1';
    const first = await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { ...inNewSession(), userId }));
    expect(spokenText(first)).toBe('Playing Morning Run on Kitchen Echo.');
    account(harness).playback = { deviceId: null, contextUri: null, isPlaying: false };

    const again = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId }));

    expect(spokenText(again)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(endsSession(again)).toBe(true);
    expect(account(harness).playback).toEqual(expect.objectContaining({ contextUri: playlistUri(MORNING_RUN), isPlaying: true }));
  });

  it('stores the playlist and the device in the item, with the SDK adapter layout and a year to live', async () => {
    await start();
    const userId = 'amzn1.ask.account.PLAYAGAIN2';

    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { ...inNewSession(), userId }));

    const item = await table.item(userId);
    expect(item).toEqual({
      id: userId,
      attributes: {
        lastPlaylist: { id: MORNING_RUN, name: 'Morning Run', uri: playlistUri(MORNING_RUN) },
        lastDevice: { id: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0', name: 'Kitchen Echo' },
      },
      expiresAt: expect.any(Number),
      version: 1,
    });
    const yearFromNowS = Date.now() / 1000 + 365 * 24 * 3600;
    expect(Math.abs((item!.expiresAt as number) - yearFromNowS)).toBeLessThan(60);
  });

  it('plays on the device the listener last played on when several are idle, where it would otherwise ask', async () => {
    await start({ [DEMO_ACCESS_TOKEN]: twoComputers() });
    const userId = 'amzn1.ask.account.PLAYAGAIN3';
    const devices = account(harness).devices;
    devices[0]!.isActive = true;
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'deep focus' }, { ...inNewSession(), userId }));
    for (const device of devices) device.isActive = false;

    const other = await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { ...inNewSession(), userId: 'amzn1.ask.account.NEVERPLAYED' }));
    const again = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId }));

    expect(spokenText(again)).toBe('Playing Deep Focus on Work Laptop.');
    expect(spokenText(other)).toMatch(/I found 2 Spotify devices, but none of them is playing/);
  });

  it('asks which playlist when the listener has not played one yet', async () => {
    await start();

    const response = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId: 'amzn1.ask.account.NEWLISTENER' }));

    expect(spokenText(response)).toBe(
      "I don't know which playlist you played last yet. Once I've started one for you, just say, play it again. Which playlist should I play?",
    );
    expect(response.response.directives).toEqual([expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist', updatedIntent: expect.objectContaining({ name: 'PlayPlaylistIntent' }) })]);
    expect(endsSession(response)).toBe(false);
  });

  it('says so, forgets it and asks for another when the last playlist was deleted since', async () => {
    await start();
    const userId = 'amzn1.ask.account.PLAYAGAIN4';
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { ...inNewSession(), userId }));
    account(harness).playlists = account(harness).playlists.filter((playlist) => playlist.id !== MORNING_RUN);

    const response = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId }));

    expect(spokenText(response)).toBe("Your last playlist, Morning Run, isn't in your Spotify library any more. Which playlist should I play?");
    expect(((await table.item(userId))?.attributes as Record<string, unknown>).lastPlaylist).toBeUndefined();
  });

  it('uses the playlist as it is now, renamed or emptied since', async () => {
    await start();
    const userId = 'amzn1.ask.account.PLAYAGAIN5';
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { ...inNewSession(), userId }));
    const playlist = account(harness).playlists.find((candidate) => candidate.id === MORNING_RUN)!;
    playlist.name = 'Evening Run';

    const renamed = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId }));
    playlist.trackCount = 0;
    const emptied = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { ...inNewSession(), userId }));

    expect(spokenText(renamed)).toBe('Playing Evening Run on Kitchen Echo.');
    expect(spokenText(emptied)).toMatch(/^Evening Run is empty, so there's nothing to play/);
    expect(((await table.item(userId))?.attributes as { lastPlaylist: { name: string } }).lastPlaylist.name).toBe('Evening Run');
  });
});

describe('"play it again" without a table', () => {
  it('says it cannot recall and asks which playlist, the session kept open', async () => {
    const harness = await startHarness();
    try {
      const response = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));

      expect(spokenText(response)).toBe("I can't recall your last playlist right now. Which playlist should I play?");
      expect(endsSession(response)).toBe(false);
    } finally {
      await harness.close();
    }
  });

  it('needs a linked account like every request that reaches Spotify', async () => {
    const harness = await startHarness();
    try {
      const response = await harness.ask(intentRequest('PlayLastPlaylistIntent', {}, { accessToken: null }));

      expect(response.response.card?.type).toBe('LinkAccount');
      expect(harness.spotify.requests).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
