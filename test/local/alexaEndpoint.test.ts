import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest } from '../support/envelopes';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';
/** Well-formed but not made by Amazon's key: enough to get past the header checks. */
const SIGNATURE = Buffer.from('not really signed').toString('base64');

function staleTimestamp(): string {
  return new Date(Date.now() - 151_000).toISOString();
}

describe('POST /alexa with Alexa\'s checks on', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('refuses an unsigned request with 400 and a short reason', async () => {
    const answer = await local.postAlexa(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(answer).toEqual({ status: 400, json: { error: 'Missing Certificate for the skill request' } });
    expect(local.runtime.demo.standIn.requests).toHaveLength(0);
  });

  it('refuses a request whose certificate URL is not on Amazon\'s S3 host', async () => {
    const answer = await local.postAlexa(launchRequest(), {
      SignatureCertChainUrl: 'https://evil.example.com/echo.api/echo-api-cert.pem',
      'Signature-256': SIGNATURE,
    });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(/invalid host name: evil\.example\.com/) });
  });

  it.each([
    ['a path that leaves /echo.api/ through ".."', 'https://s3.amazonaws.com/echo.api/../evil/cert.pem', /invalid path: \/evil\/cert\.pem/],
    ['a path in the wrong case', 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem', /invalid path/],
    ['plain http', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem', /must use https/],
    ['another port', 'https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem', /invalid port: 563/],
  ])('refuses a certificate URL with %s', async (_, url, reason) => {
    const answer = await local.postAlexa(launchRequest(), { SignatureCertChainUrl: url, 'Signature-256': SIGNATURE });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(reason) });
  });

  it('refuses a request more than 150 seconds old before fetching any certificate', async () => {
    const answer = await local.postAlexa(launchRequest({ timestamp: staleTimestamp() }), {
      SignatureCertChainUrl: CERT_URL,
      'Signature-256': SIGNATURE,
    });

    expect(answer).toEqual({ status: 400, json: { error: 'Timestamp verification failed' } });
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await local.postAlexa('{"version": ', { SignatureCertChainUrl: CERT_URL, 'Signature-256': SIGNATURE });

    expect(answer).toEqual({ status: 400, json: { error: 'the body is not JSON' } });
  });

  it('logs each refusal with its reason and never the envelope', async () => {
    await local.postAlexa(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(local.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'alexa request refused', reason: 'Missing Certificate for the skill request' }));
    expect(JSON.stringify(local.logs)).not.toContain(DEMO_ACCESS_TOKEN);
  });

  it('answers anything but POST with 405', async () => {
    const response = await fetch(local.runtime.urls.alexa);

    expect(response.status).toBe(405);
  });
});

describe('POST /alexa with ALEXA_VERIFY=off', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime({ local: { verify: false } });
  });
  afterAll(() => local.close());

  it('warns at start that requests are not checked', () => {
    expect(local.logs[0]).toMatchObject({ level: 'warn', message: expect.stringMatching(/^ALEXA_VERIFY=off: .*WITHOUT checking/) });
  });

  it('serves an unsigned request through the skill, warning again for each one', async () => {
    const answer = await local.postAlexa(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, timestamp: new Date(0).toISOString() }));

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ version: '1.0', response: { outputSpeech: { ssml: expect.stringMatching(/You have 30 playlists/) } } });
    expect(local.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/WITHOUT verification/) }));
  });

  it('refuses a request for another skill, as the SDK\'s skill-id check does on Lambda', async () => {
    const guarded = await startTestRuntime({ local: { verify: false }, env: { SKILL_ID: 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555' } });
    try {
      const answer = await guarded.postAlexa(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: expect.stringMatching(/^the skill could not take this request: /) });
    } finally {
      await guarded.close();
    }
  });
});

describe('the admin routes', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('lists the faults it can switch on, and the ones that are on', async () => {
    await local.admin('POST', '/admin/faults', { fault: 'premium' });

    const answer = await local.admin('GET', '/admin/faults');

    expect(answer.json).toMatchObject({ active: [{ name: 'premium' }], available: { slow: expect.any(String), '429': expect.any(String) } });
  });

  it.each([
    ['an unknown fault', { fault: 'meteor' }, /"fault" must be one of .*slow.*expired/],
    ['a negative delay', { fault: 'slow', ms: -1 }, /"ms" must be a whole number/],
  ])('refuses %s with 400', async (_, body, reason) => {
    const answer = await local.admin('POST', '/admin/faults', body);

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(reason) } });
  });

  it('shows the demo account\'s playback state and devices', async () => {
    const answer = await local.admin('GET', '/admin/state');

    expect(answer.json).toMatchObject({
      playback: { isPlaying: false },
      devices: [expect.objectContaining({ name: 'Kitchen Echo' }), expect.objectContaining({ name: "Sam's MacBook" })],
    });
  });

  it('answers an unknown path with 404 and the routes it has', async () => {
    expect(await local.admin('GET', '/admin/nothing')).toEqual({ status: 404, json: { error: expect.stringMatching(/\/admin\/faults/) } });
    expect(await local.admin('GET', '/favicon.ico')).toEqual({ status: 404, json: { error: expect.stringMatching(/POST \/alexa/) } });
  });
});
