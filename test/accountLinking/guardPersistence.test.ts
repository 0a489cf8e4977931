import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest, sessionEndedRequest, type EnvelopeOptions } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startRememberingHarness, type RememberingHarness } from '../support/skillHarness';

/** The guard reads the listener's item beside Spotify's first call and saves it once at the end. */
describe('the account-linking guard with a listener table', () => {
  let harness: RememberingHarness;
  let send: jest.SpyInstance;
  beforeAll(async () => {
    harness = await startRememberingHarness();
    // A fresh process loads the HTTP client on its first Spotify call, which on a busy machine can
    // outlast the 900 ms the first test's read waits for Spotify: that test is timed warm.
    await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN, userId: 'amzn1.ask.account.WARMUP' }));
    harness.spotify.reset();
  });
  beforeEach(() => {
    send = jest.spyOn(DynamoDBDocumentClient.prototype, 'send');
  });
  afterEach(() => {
    send.mockRestore();
    harness.spotify.reset();
  });
  afterAll(() => harness.close());

  const commands = (type: new (...args: never[]) => unknown) => send.mock.calls.filter(([command]) => command instanceof type).length;
  const as = (userId: string): EnvelopeOptions => ({ accessToken: DEMO_ACCESS_TOKEN, userId });

  it("has the table read in flight while Spotify's first call is answered, not before or after it", async () => {
    const userId = 'amzn1.ask.account.PARALLEL';
    harness.spotify.inject({ method: 'GET', path: '/me/playlists', fault: { kind: 'delay', ms: 300 } });
    let spotifyCallsWhenReadStarted = -1;
    let spotifyCallsWhenReadFinished = -1;
    const original = send.getMockImplementation();
    send.mockImplementation(async function (this: DynamoDBDocumentClient, command: unknown, ...rest: unknown[]) {
      if (!(command instanceof GetCommand)) return (original ?? DynamoDBDocumentClient.prototype.send).call(this, command, ...rest);
      spotifyCallsWhenReadStarted = harness.spotify.requests.length;
      // Finishes only once Spotify has the request, or after 600 ms by the clock: well before the table's
      // own 1,000 ms limit, so a guard that read first, then called Spotify, is caught here with none.
      const readStarted = Date.now();
      while (harness.spotify.requests.length === 0 && Date.now() - readStarted < 600) await new Promise((resolve) => setTimeout(resolve, 10));
      spotifyCallsWhenReadFinished = harness.spotify.requests.length;
      return { Item: undefined };
    });

    const response = await harness.ask(launchRequest(as(userId)));

    expect(spokenText(response)).toMatch(/^Welcome to Playlist Pal/);
    expect(spotifyCallsWhenReadStarted).toBe(0);
    expect(spotifyCallsWhenReadFinished).toBe(1);
  });

  it('writes once for a play that changes what is remembered, and not again when the same play changes nothing', async () => {
    const userId = 'amzn1.ask.account.ONEWRITE';

    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, as(userId)));
    const afterFirst = commands(PutCommand);
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, as(userId)));

    expect(afterFirst).toBe(1);
    expect(commands(PutCommand)).toBe(1);
    expect(commands(GetCommand)).toBe(2);
    expect((await harness.table.item(userId))?.version).toBe(1);
  });

  it('writes nothing for requests that change nothing: launch, list, details', async () => {
    const userId = 'amzn1.ask.account.READONLY';
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'deep house' }, as(userId)));
    send.mockClear();

    await harness.ask(launchRequest(as(userId)));
    await harness.ask(intentRequest('ListPlaylistsIntent', {}, as(userId)));
    await harness.ask(intentRequest('PlaylistDetailsIntent', { playlist: 'morning run' }, as(userId)));

    expect(commands(PutCommand)).toBe(0);
  });

  it('never touches the table for requests that need no Spotify: unlinked, help, session ended', async () => {
    await harness.ask(launchRequest({ accessToken: null }));
    await harness.ask(intentRequest('AMAZON.HelpIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    await harness.ask(sessionEndedRequest('USER_INITIATED', { accessToken: DEMO_ACCESS_TOKEN }));

    expect(send).not.toHaveBeenCalled();
  });

  it('saves nothing when Spotify fails the request', async () => {
    const userId = 'amzn1.ask.account.SPOTIFYFAILS';
    harness.spotify.inject({ method: 'PUT', path: '/me/player/play', times: Infinity, fault: { kind: 'status', status: 503 } });

    const response = await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, as(userId)));

    expect(spokenText(response)).toMatch(/couldn't reach Spotify/);
    expect(commands(PutCommand)).toBe(0);
    expect(await harness.table.item(userId)).toBeUndefined();
  });
});
