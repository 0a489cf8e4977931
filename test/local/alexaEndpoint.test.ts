import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { UNSIGNED_REQUEST_HINT } from '../../local/endpoint/alexaEndpoint';
import { CertificateUrlVerifier, verifyRequest } from '../../local/endpoint/verification';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest, otherRequest } from '../support/envelopes';
import { rawStatusLine } from '../support/rawHttp';
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

  it('refuses an unsigned request with 400 and a reason that says how to test locally: ALEXA_VERIFY=off or the simulator', async () => {
    const answer = await local.postAlexa(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(answer).toEqual({ status: 400, json: { error: `Missing Certificate for the skill request. ${UNSIGNED_REQUEST_HINT}` } });
    expect(UNSIGNED_REQUEST_HINT).toMatch(/restart npm start with ALEXA_VERIFY=off .*npm run simulate/);
    expect(local.runtime.demo.standIn.requests).toHaveLength(0);
  });

  it('gives the same hint for a request with a certificate URL but no signature', async () => {
    const answer = await local.postAlexa(launchRequest(), { SignatureCertChainUrl: CERT_URL });

    expect(answer.json).toEqual({ error: expect.stringContaining(UNSIGNED_REQUEST_HINT) });
  });

  it('refuses a request whose certificate URL is not on Amazon\'s S3 host', async () => {
    const answer = await local.postAlexa(launchRequest(), {
      SignatureCertChainUrl: 'https://evil.example.com/echo.api/echo-api-cert.pem',
      'Signature-256': SIGNATURE,
    });

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(/invalid host name: evil\.example\.com/) });
    // A signed request is Alexa's, or someone's who knows what a signature is: no hint about testing locally.
    expect(answer.json).toEqual({ error: expect.not.stringContaining('ALEXA_VERIFY') });
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

  it.each([
    ['a timestamp that is not a date', 'sometime yesterday', /not a date/],
    ['no timestamp', undefined, /not a date/],
    ['a timestamp more than 150 seconds ahead', new Date(Date.now() + 200_000).toISOString(), /from the future/],
  ])('refuses a request with %s', async (_, timestamp, reason) => {
    const envelope = launchRequest();
    (envelope.request as { timestamp?: string }).timestamp = timestamp;

    const answer = await local.postAlexa(envelope, { SignatureCertChainUrl: CERT_URL, 'Signature-256': SIGNATURE });

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(reason) } });
  });

  it('lets a skill event be up to an hour old, refusing it only later for its signature', async () => {
    const event = otherRequest('AlexaSkillEvent.SkillEnabled', {}, { timestamp: new Date(Date.now() - 20 * 60_000).toISOString() });

    const answer = await local.postAlexa(event);

    expect(answer).toEqual({ status: 400, json: { error: `Missing Certificate for the skill request. ${UNSIGNED_REQUEST_HINT}` } });
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

describe('the certificate URL rules', () => {
  const check = (url: string) => verifyRequest([new CertificateUrlVerifier()], '{}', { signaturecertchainurl: url });

  it.each([
    ['the usual form', CERT_URL],
    ['the host in capitals', 'https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem'],
    ['port 443 spelled out', 'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem'],
    ['".." that stays under /echo.api/', 'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem'],
  ])('accepts %s', async (_, url) => {
    await expect(check(url)).resolves.toBeUndefined();
  });

  it.each([
    ['a percent-encoded ".." out of /echo.api/', 'https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem', /invalid path: \/evil\/cert\.pem/],
    ['a look-alike folder', 'https://s3.amazonaws.com/echo.api.evil/cert.pem', /invalid path/],
    ['a look-alike host', 'https://s3.amazonaws.com.evil.example/echo.api/cert.pem', /invalid host name/],
    ['no URL at all', 'echo.api/cert.pem', /not a URL/],
  ])('refuses %s', async (_, url, reason) => {
    await expect(check(url)).rejects.toThrow(reason);
  });
});

describe('what POST /alexa hands to the checks', () => {
  it('is the body byte for byte, never JSON parsed and written again', async () => {
    const seen: string[] = [];
    const recording = { verify: async (body: string, _headers?: IncomingHttpHeaders) => void seen.push(body) };
    const local = await startTestRuntime({ verifiers: [recording] });
    try {
      const body = `{ "request" : {"type":"LaunchRequest",   "timestamp":"${new Date().toISOString()}", "locale":"en-US"},\n "version":"1.0" , "note":"caf\u00e9 café" }`;

      await local.postAlexa(body);

      expect(seen).toEqual([body]);
    } finally {
      await local.close();
    }
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

  it.each(['null', '42', '[]', '{}', '{"request":null}', '{"request":{"timestamp":"2026-01-01T00:00:00Z"}}'])(
    'refuses %s with 400 before it reaches the skill',
    async (body) => {
      const answer = await local.postAlexa(body);

      expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/not an Alexa request envelope/) } });
    },
  );

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

/** Sends `body` in chunks without a Content-Length, as a stream would; resolves with the status that came back. */
function postChunked(url: string, chunks: number, chunkBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    for (let chunk = 0; chunk < chunks; chunk += 1) request.write(' '.repeat(chunkBytes));
    request.end();
  });
}

describe('the local server under odd input', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime({ local: { verify: false } });
  });
  afterAll(() => local.close());

  it('refuses a body over 256 KiB on /alexa with 413, whether it declares its length or streams it', async () => {
    const declared = await fetch(local.runtime.urls.alexa, { method: 'POST', body: ' '.repeat(300 * 1024) });

    expect(declared.status).toBe(413);
    await expect(declared.json()).resolves.toEqual({ error: 'the body is larger than 262144 bytes' });
    expect(await postChunked(local.runtime.urls.alexa, 20, 16 * 1024)).toBe(413);
  });

  it('refuses a fault switch body over 4 KiB with 413', async () => {
    expect(await postChunked(local.runtime.urls.admin, 3, 2048)).toBe(413);
  });

  it('answers a request target that is not a URL with 400 and keeps serving', async () => {
    const origin = new URL(local.runtime.urls.alexa).origin;

    expect(await rawStatusLine(origin, 'GET http://[ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect((await local.admin('GET', '/admin/faults')).status).toBe(200);
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
    ['a delay for a fault that has none', { fault: '429', ms: 500 }, /"ms" applies only to the slow fault/],
    ['a body that is not JSON', '{"fault":', /send JSON like/],
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
