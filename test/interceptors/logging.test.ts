import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest, otherRequest, sessionEndedRequest, skillEventRequest } from '../support/envelopes';
import { startHarness, type Harness } from '../support/skillHarness';

const HUGE = 'x'.repeat(1_000_000);

describe('what the logging interceptors write for a forged request', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { LOG_LEVEL: 'debug' } });
  });
  afterEach(() => {
    harness.logs.length = 0;
    harness.rawLogs.length = 0;
  });
  afterAll(() => harness.close());

  const longestLine = () => Math.max(...harness.rawLogs.map((line) => line.length));

  it('clips a megabyte request id, locale and intent name to a few dozen characters each', async () => {
    await harness.ask(intentRequest(`AMAZON.${HUGE}`, {}, { accessToken: DEMO_ACCESS_TOKEN, requestId: HUGE, locale: HUGE }));

    expect(harness.rawLogs.length).toBeGreaterThan(1);
    expect(longestLine()).toBeLessThan(2000);
    expect(harness.logs.find((line) => line.message === 'request')).toMatchObject({ message: 'request', requestId: `${'x'.repeat(100)}…`, locale: `${'x'.repeat(16)}…` });
  });

  it("clips the reason and error of a session's end", async () => {
    const ended = sessionEndedRequest('ERROR', { requestId: HUGE });
    Object.assign(ended.request, { reason: HUGE, error: { type: HUGE, message: HUGE } });

    await harness.ask(ended);

    expect(longestLine()).toBeLessThan(2000);
    expect(harness.logs).toContainEqual(expect.objectContaining({ message: 'session ended', errorMessage: `${'x'.repeat(300)}…` }));
  });

  it('names, rather than copies, fields of the wrong type', async () => {
    const envelope = launchRequest({ accessToken: null });
    Object.assign(envelope.request, { requestId: { nested: HUGE }, locale: [HUGE] });

    await harness.ask(envelope);

    expect(longestLine()).toBeLessThan(2000);
    expect(harness.logs[0]).toMatchObject({ requestId: '(object)', locale: '(array)' });
  });

  it('clips the name of an unknown request type and of a skill event', async () => {
    await harness.ask(otherRequest(`Unknown.${HUGE}`));
    await harness.ask(skillEventRequest(`AlexaSkillEvent.${HUGE}` as never));

    expect(longestLine()).toBeLessThan(2000);
  });

  it('removes the Alexa API token and the access token wherever a forged request repeats them', async () => {
    const envelope = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });
    const apiToken = envelope.context.System.apiAccessToken!;
    Object.assign(envelope.request, { requestId: `${apiToken} ${DEMO_ACCESS_TOKEN}`, locale: DEMO_ACCESS_TOKEN });

    await harness.ask(envelope);

    const all = harness.rawLogs.join('\n');
    expect(all).toContain('[redacted]');
    expect(all).not.toContain(apiToken);
    expect(all).not.toContain(DEMO_ACCESS_TOKEN.slice(0, 16));
  });

  it('removes the new token a SkillAccountLinked event carries, wherever it turns up', async () => {
    const token = 'fresh-token-from-linking-0001';
    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: token }, { requestId: `linked ${token}` }));

    expect(harness.rawLogs.join('\n')).not.toContain(token);
  });
});
