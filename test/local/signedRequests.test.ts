import https from 'node:https';
import { PassThrough } from 'node:stream';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { EventEmitter } from 'node:events';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { launchRequest } from '../support/envelopes';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';
import { chainPem, EXPIRED, makeIntermediate, makeLeaf, makeRoot, signBody, type SigningLeaf } from '../support/testCertificates';

/*
 * The accepting path of Alexa's checks, with the real verifier of ask-sdk-express-adapter: it
 * downloads the chain from s3.amazonaws.com and checks it against the root store. Only inside
 * this file, that download is answered with a chain made for the test, and the root store
 * holds only the test's root. Production code and rules are untouched.
 */

let mockRootCertificates: readonly string[] = [];
jest.mock('tls', () => {
  const actual = jest.requireActual<typeof import('tls')>('tls');
  return {
    ...actual,
    get rootCertificates() {
      return mockRootCertificates;
    },
  };
});

const S3 = 'https://s3.amazonaws.com/echo.api/';
const root = makeRoot();
const intermediate = makeIntermediate(root);
const otherRoot = makeRoot('Some Other Root');
const otherIntermediate = makeIntermediate(otherRoot);

const leaves = {
  good: makeLeaf(intermediate),
  expired: makeLeaf(intermediate, EXPIRED),
  unnamed: makeLeaf(intermediate, { altNames: ['www.example.com'] }),
  otherRoot: makeLeaf(otherIntermediate),
};
type LeafName = keyof typeof leaves;

/** What s3.amazonaws.com serves in this test: each leaf's chain under its own name. */
const served = new Map<string, string>([
  [`${S3}good.pem`, chainPem(leaves.good, intermediate)],
  [`${S3}expired.pem`, chainPem(leaves.expired, intermediate)],
  [`${S3}unnamed.pem`, chainPem(leaves.unnamed, intermediate)],
  [`${S3}other-root.pem`, chainPem(leaves.otherRoot, otherIntermediate)],
  [`${S3}never-fetched.pem`, chainPem(leaves.good, intermediate)],
]);
const URL_OF: Readonly<Record<LeafName, string>> = { good: `${S3}good.pem`, expired: `${S3}expired.pem`, unnamed: `${S3}unnamed.pem`, otherRoot: `${S3}other-root.pem` };

/** The verifier's https.get, answered from `served` without any network. */
function fakeS3Get(url: unknown, callback?: (response: IncomingMessage) => void): ClientRequest {
  const request = new EventEmitter() as ClientRequest;
  request.end = (() => {
    const pem = served.get(String(url));
    const response = Object.assign(new PassThrough(), { statusCode: pem === undefined ? 404 : 200 }) as unknown as IncomingMessage;
    process.nextTick(() => {
      callback?.(response);
      (response as unknown as PassThrough).end(pem ?? '');
    });
    return request;
  }) as ClientRequest['end'];
  return request;
}

describe("POST /alexa with Alexa's checks on and a correctly signed request", () => {
  let local: TestRuntime;
  let downloads: jest.SpyInstance;
  beforeAll(async () => {
    mockRootCertificates = [root.pem];
    downloads = jest.spyOn(https, 'get').mockImplementation(fakeS3Get as unknown as typeof https.get);
    local = await startTestRuntime();
  });
  afterAll(async () => {
    downloads.mockRestore();
    await local.close();
  });

  /** A launch request as raw text, deliberately not in JSON.stringify's form: spaces, a newline, an escaped and a raw "é". */
  const rawLaunch = () => {
    const json = JSON.stringify(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }), null, 1);
    return json.replace('"version": "1.0"', '"version" :  "1.0",\n "note": "caf\\u00e9 café"');
  };
  const post = (body: string, leaf: SigningLeaf, leafName: LeafName) =>
    local.postAlexa(body, { SignatureCertChainUrl: URL_OF[leafName], 'Signature-256': signBody(body, leaf) });

  it('is answered by the skill, checked over its exact bytes, with the chain fetched from s3.amazonaws.com', async () => {
    const body = rawLaunch();

    const answer = await post(body, leaves.good, 'good');

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ version: '1.0', response: { outputSpeech: { ssml: expect.stringMatching(/You have 30 playlists/) } } });
    expect(downloads).toHaveBeenCalledWith(URL_OF.good, expect.any(Function));
  });

  it('is refused once one byte of the body is changed after signing', async () => {
    const body = rawLaunch();
    const signature = signBody(body, leaves.good);
    const changed = body.replace('"en-US"', '"en-GB"');

    const answer = await local.postAlexa(changed, { SignatureCertChainUrl: URL_OF.good, 'Signature-256': signature });

    expect(changed.length).toBe(body.length);
    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/signature does not match/) } });
  });

  it('is refused when signed by a leaf that has expired', async () => {
    const answer = await post(rawLaunch(), leaves.expired, 'expired');

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/expired or not started/) } });
  });

  it('is refused when the leaf does not name echo-api.amazon.com', async () => {
    const answer = await post(rawLaunch(), leaves.unnamed, 'unnamed');

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/echo-api\.amazon\.com domain missing/) } });
  });

  it('is refused when the chain leads to a root the store does not hold', async () => {
    const answer = await post(rawLaunch(), leaves.otherRoot, 'otherRoot');

    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(/not trusted|issuer/i) });
  });

  it('is refused for its age before its chain is fetched at all, however well signed', async () => {
    const envelope = launchRequest({ accessToken: DEMO_ACCESS_TOKEN, timestamp: new Date(Date.now() - 151_000).toISOString() });
    const body = JSON.stringify(envelope);
    downloads.mockClear();

    const answer = await local.postAlexa(body, { SignatureCertChainUrl: `${S3}never-fetched.pem`, 'Signature-256': signBody(body, leaves.good) });

    expect(answer).toEqual({ status: 400, json: { error: 'Timestamp verification failed' } });
    expect(downloads).not.toHaveBeenCalled();
  });

  it('is refused when signed by a key that is not the certificate\'s', async () => {
    const body = rawLaunch();

    const answer = await local.postAlexa(body, { SignatureCertChainUrl: URL_OF.good, 'Signature-256': signBody(body, leaves.unnamed) });

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/signature does not match/) } });
  });
});
