import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
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
