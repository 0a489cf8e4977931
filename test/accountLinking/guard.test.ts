import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest, sessionEndedRequest } from '../support/envelopes';
import { cardType, endsSession, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';
import { lambdaContext } from '../support/lambdaContext';
import { linkedAccessToken } from '../../lambda/accountLinking/accessToken';

describe('the account-linking guard', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it.each([
    ['a launch', () => launchRequest({ accessToken: null })],
    ['a request to list playlists', () => intentRequest('ListPlaylistsIntent', {}, { accessToken: null })],
    ['a "yes" to hear more', () => intentRequest('AMAZON.YesIntent', {}, { accessToken: null, attributes: { listNextOffset: 5 } })],
  ])('answers %s without a token with a LinkAccount card, ends the session and calls nothing', async (_, envelope) => {
    const response = await harness.ask(envelope());

    expect(cardType(response)).toBe('LinkAccount');
    expect(spokenText(response)).toMatch(/sent a card to the Alexa app.*link Spotify/);
    expect(endsSession(response)).toBe(true);
    expect(harness.spotify.requests).toHaveLength(0);
  });

  it('treats an empty or blank token as not linked', async () => {
    const response = await harness.ask(launchRequest({ accessToken: '  ' }));

    expect(cardType(response)).toBe('LinkAccount');
    expect(harness.spotify.requests).toHaveLength(0);
  });

  it('falls back to session.user.accessToken, which older simulators fill', async () => {
    const response = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN, tokenInSessionOnly: true }));

    expect(cardType(response)).toBeUndefined();
    expect(harness.spotify.requests[0]?.authorizedAs).toBe('demo-user');
  });

  it('reads the token from context.System.user alone, as in a request outside any session', async () => {
    const response = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN, tokenInContextOnly: true }));

    expect(cardType(response)).toBeUndefined();
    expect(harness.spotify.requests[0]?.authorizedAs).toBe('demo-user');
  });

  it('prefers the token in context.System.user to the one in session.user', async () => {
    const envelope = launchRequest({ accessToken: DEMO_ACCESS_TOKEN });
    envelope.session!.user.accessToken = 'an-older-token-in-the-session';

    await harness.ask(envelope);

    expect(harness.spotify.requests[0]?.authorizedAs).toBe('demo-user');
  });

  it.each([
    // Help says that Spotify needs linking, so it brings the card that does it.
    ['help', 'AMAZON.HelpIntent', /list my playlists/, 'LinkAccount'],
    ['stop', 'AMAZON.StopIntent', /Goodbye/, undefined],
    ['cancel', 'AMAZON.CancelIntent', /Goodbye/, undefined],
    ['navigate home', 'AMAZON.NavigateHomeIntent', /Goodbye/, undefined],
    ['fallback', 'AMAZON.FallbackIntent', /can't help with that/, undefined],
  ])('lets %s work without a token and without calling Spotify', async (_, intent, expected, card) => {
    const response = await harness.ask(intentRequest(intent, {}, { accessToken: null }));

    expect(spokenText(response)).toMatch(expected);
    expect(cardType(response)).toBe(card);
    expect(harness.spotify.requests).toHaveLength(0);
  });

  it('answers a session end without a token with an empty response', async () => {
    const response = await harness.ask(sessionEndedRequest('USER_INITIATED', { accessToken: null }));

    expect(response.response.outputSpeech).toBeUndefined();
    expect(harness.spotify.requests).toHaveLength(0);
  });
});

describe("the guard's deadline", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { REQUEST_BUDGET_MS: '5000' } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it("keeps 300 ms of Lambda's remaining time back for the answer: with 400 ms left, Spotify is not called", async () => {
    const response = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }), lambdaContext(400));

    expect(spokenText(response)).toMatch(/couldn't reach Spotify/);
    expect(harness.spotify.requests).toHaveLength(0);
  });

  it("calls Spotify when Lambda leaves enough time, and without a Lambda context at all", async () => {
    await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }), lambdaContext(800));
    await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }), {} as never);

    expect(harness.spotify.requests).toHaveLength(2);
  });
});

describe('the linked access token', () => {
  const envelope = (context: unknown, session: unknown) => ({ context, session }) as never;

  it('is the one in context.System.user, else the one in session.user', () => {
    expect(linkedAccessToken(envelope({ System: { user: { accessToken: 'from-context' } } }, { user: { accessToken: 'from-session' } }))).toBe('from-context');
    expect(linkedAccessToken(envelope({ System: { user: {} } }, { user: { accessToken: 'from-session' } }))).toBe('from-session');
    expect(linkedAccessToken(envelope(undefined, { user: { accessToken: 'from-session' } }))).toBe('from-session');
  });

  it.each([
    ['no envelope', undefined],
    ['null', null],
    ['no token anywhere', envelope({ System: { user: {} } }, { user: {} })],
    ['a session without a user', envelope(undefined, {})],
    ['a blank token', envelope({ System: { user: { accessToken: ' ' } } }, undefined)],
    ['a token that is not a string', envelope({ System: { user: { accessToken: 42 } } }, { user: { accessToken: { nested: true } } })],
  ])('is nothing for %s', (_, given) => {
    expect(linkedAccessToken(given as never)).toBeUndefined();
  });
});
