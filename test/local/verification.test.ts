import { alexaVerifiers, CertificateUrlVerifier, TimeLimitedVerifier, TimestampVerifier, VerificationError, verifyRequest, type Verifier } from '../../local/endpoint/verification';

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';
const body = (timestamp: unknown, type = 'LaunchRequest') => JSON.stringify({ version: '1.0', request: { type, timestamp } });
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('the certificate URL check', () => {
  const verifier = new CertificateUrlVerifier();

  it('takes the first of repeated headers', async () => {
    await expect(verifier.verify('{}', { signaturecertchainurl: [CERT_URL, 'https://evil.example/x'] as unknown as string })).resolves.toBeUndefined();
    await expect(verifier.verify('{}', { signaturecertchainurl: ['https://evil.example/x', CERT_URL] as unknown as string })).rejects.toThrow(/invalid host name: evil\.example/);
  });

  it.each([
    ['no header at all', {}],
    ['an empty header', { signaturecertchainurl: '' }],
    ['no headers object', undefined],
  ])('refuses %s as a missing certificate', async (_, headers) => {
    await expect(verifier.verify('{}', headers)).rejects.toThrow(new VerificationError('Missing Certificate for the skill request'));
  });

  it('names the scheme, host, port and path it refuses', async () => {
    await expect(verifier.verify('{}', { signaturecertchainurl: 'ftp://s3.amazonaws.com/echo.api/x' })).rejects.toThrow('SignatureCertChainUrl must use https, not ftp:');
    await expect(verifier.verify('{}', { signaturecertchainurl: 'https://s3.amazonaws.com:8443/echo.api/x' })).rejects.toThrow('SignatureCertChainUrl has invalid port: 8443');
    await expect(verifier.verify('{}', { signaturecertchainurl: 'https://s3.amazonaws.com/other/x' })).rejects.toThrow('SignatureCertChainUrl has invalid path: /other/x');
    await expect(verifier.verify('{}', { signaturecertchainurl: 'https://s4.amazonaws.com/echo.api/x' })).rejects.toThrow('SignatureCertChainUrl has invalid host name: s4.amazonaws.com');
    await expect(verifier.verify('{}', { signaturecertchainurl: 'not a url' })).rejects.toThrow('SignatureCertChainUrl is not a URL');
  });
});

describe('the timestamp check', () => {
  const verifier = new TimestampVerifier();

  it.each([
    ['now', 0],
    ['two minutes ago', -120],
    ['two minutes ahead (clocks drift)', 120],
  ])('accepts a request from %s', async (_, seconds) => {
    await expect(verifier.verify(body(secondsFromNow(seconds)))).resolves.toBeUndefined();
  });

  it.each([
    ['three minutes ago', -180, 'Timestamp verification failed'],
    ['three minutes ahead', 180, 'Timestamp verification failed: the request is from the future'],
    ['a number instead of a date', 1_700_000_000, 'request.timestamp is missing or not a date'],
  ])('refuses a request from %s', async (_, seconds, message) => {
    const timestamp = seconds === 1_700_000_000 ? seconds : secondsFromNow(seconds);
    await expect(verifier.verify(body(timestamp))).rejects.toThrow(message);
  });

  it('lets a skill event be up to an hour old', async () => {
    await expect(verifier.verify(body(secondsFromNow(-1800), 'AlexaSkillEvent.SkillEnabled'))).resolves.toBeUndefined();
    await expect(verifier.verify(body(secondsFromNow(-4000), 'AlexaSkillEvent.SkillEnabled'))).rejects.toThrow('Timestamp verification failed');
  });

  it('refuses a body that is JSON but no object, as a request without a date', async () => {
    await expect(verifier.verify('null')).rejects.toThrow('request.timestamp is missing or not a date');
  });
});

describe('the time limit on a check', () => {
  it('refuses when the check has not finished in time', async () => {
    const never: Verifier = { verify: () => new Promise<void>(() => undefined) };

    await expect(new TimeLimitedVerifier(never, 20).verify('{}')).rejects.toThrow(new VerificationError('the signing certificate could not be fetched in time'));
  });

  it('passes on the answer and the headers of a check that finishes in time, leaving no timer behind', async () => {
    const seen: unknown[] = [];
    const quick: Verifier = { verify: async (_body, headers) => void seen.push(headers) };
    jest.useFakeTimers();
    try {
      await expect(new TimeLimitedVerifier(quick, 1000).verify('{}', { a: 'b' })).resolves.toBeUndefined();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
    expect(seen).toEqual([{ a: 'b' }]);
  });
});

describe('running the checks', () => {
  const refusing = (error: unknown): Verifier => ({ verify: () => Promise.reject(error) });

  it('stops at the first refusal, in order', async () => {
    const later = jest.fn(async () => undefined);

    await expect(verifyRequest([refusing(new VerificationError('first')), { verify: later }], '{}', {})).rejects.toThrow('first');
    expect(later).not.toHaveBeenCalled();
  });

  it("turns another check's error into a VerificationError with its message, and a JSON error into a plain reason", async () => {
    await expect(verifyRequest([refusing(new Error('request body and signature does not match'))], '{}', {})).rejects.toThrow(
      new VerificationError('request body and signature does not match'),
    );
    await expect(verifyRequest([refusing(new SyntaxError('Unexpected token'))], '{}', {})).rejects.toThrow(new VerificationError('the body is not JSON'));
  });

  it('passes when every check passes', async () => {
    await expect(verifyRequest([{ verify: async () => undefined }, { verify: async () => undefined }], '{}', {})).resolves.toBeUndefined();
  });
});

describe("Alexa's checks as the endpoint runs them", () => {
  it('are the timestamp, then the certificate URL, then the signature within a time limit', () => {
    expect(alexaVerifiers().map((verifier) => verifier.constructor.name)).toEqual(['TimestampVerifier', 'CertificateUrlVerifier', 'TimeLimitedVerifier']);
  });

  it('refuse with an error named VerificationError, the very one a check raised', async () => {
    const refusal = new VerificationError('no');

    await expect(verifyRequest([{ verify: () => Promise.reject(refusal) }], '{}', {})).rejects.toBe(refusal);
    expect(refusal.name).toBe('VerificationError');
  });

  it('refuse a request with no request object as one without a date', async () => {
    await expect(new TimestampVerifier().verify('{"version":"1.0"}')).rejects.toThrow('request.timestamp is missing or not a date');
  });
});
