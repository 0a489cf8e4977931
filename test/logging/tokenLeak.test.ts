import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { errorJson } from '../../local/spotify/model';
import { intentRequest, launchRequest } from '../support/envelopes';
import { startHarness, type Harness } from '../support/skillHarness';

describe('logs at LOG_LEVEL=debug', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(() => harness.close());

  it('never contain the access token, an Authorization header or the envelope, even when calls fail', async () => {
    await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));
    await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    harness.spotify.inject({ fault: { kind: 'status', status: 500 }, times: 2 });
    await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    harness.spotify.inject({ fault: { kind: 'reset' }, times: 2 });
    await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    await harness.ask(launchRequest({ accessToken: 'a-revoked-token-value' }));

    const all = harness.rawLogs.join('\n');
    expect(harness.rawLogs.length).toBeGreaterThan(10);
    expect(all).toContain('request failed');
    expect(all).not.toContain(DEMO_ACCESS_TOKEN);
    expect(all).not.toContain('a-revoked-token-value');
    expect(all).not.toMatch(/authorization"\s*:\s*"Bearer/i);
    expect(all).not.toContain('alexa-api-access-token-for-tests');
    expect(all).not.toContain('amzn1.ask.account.TESTUSER');
  });

  it('are JSON lines with a level', async () => {
    await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(harness.logs.length).toBeGreaterThan(0);
    for (const line of harness.logs) expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
  });
});

describe('logs when Spotify quotes the token back', () => {
  /** A token with the characters that JSON escapes: a quote, a backslash, a newline. */
  const ODD_TOKEN = 'odd"token\\with\nnewline|and-more-1234';
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount(), [ODD_TOKEN]: demoAccount() }, env: { LOG_LEVEL: 'debug' } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  /** Every form the token could take in a JSON log line. */
  const forms = (token: string) => [token, JSON.stringify(token).slice(1, -1), JSON.stringify(JSON.stringify(token)).slice(1, -1)];

  it.each([
    ['a 401 whose message is "Invalid access token: <token>"', 401],
    ['a 403 that quotes the token', 403],
    ['a 500 that quotes the token', 500],
  ])('never carry the token after %s, at any level or in any field', async (_, status) => {
    for (const token of [DEMO_ACCESS_TOKEN, ODD_TOKEN]) {
      harness.spotify.inject({ times: 2, fault: { kind: 'status', status, body: errorJson(status, `Invalid access token: ${token}`, `REASON ${token}`) } });

      await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: token }));

      const all = harness.rawLogs.join('\n');
      expect(all).toContain('request failed');
      expect(all).toContain('Invalid access token: [redacted]');
      for (const form of forms(token)) expect(all).not.toContain(form);
    }
  });
});
