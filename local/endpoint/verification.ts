import type { IncomingHttpHeaders } from 'node:http';
import { SkillRequestSignatureVerifier, TimestampVerifier as RequestAgeVerifier, type Verifier } from 'ask-sdk-express-adapter';

export type { Verifier };

/** Why a request to /alexa was refused; the message is the short reason sent back. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
}

const CERT_URL_HEADER = 'signaturecertchainurl';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Amazon's rules for the certificate URL, checked after normalising "." and ".." segments:
 * the SDK's verifier compares the raw path, so ".../echo.api/../elsewhere/" would pass it.
 */
export class CertificateUrlVerifier implements Verifier {
  async verify(_body: string, headers: IncomingHttpHeaders = {}): Promise<void> {
    const raw = header(headers, CERT_URL_HEADER);
    if (raw === undefined || raw === '') throw new VerificationError('Missing Certificate for the skill request');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new VerificationError('SignatureCertChainUrl is not a URL');
    }
    if (url.protocol !== 'https:') throw new VerificationError(`SignatureCertChainUrl must use https, not ${url.protocol}`);
    if (url.hostname.toLowerCase() !== 's3.amazonaws.com') throw new VerificationError(`SignatureCertChainUrl has invalid host name: ${url.hostname}`);
    // URL drops https's own port 443, so any port left is another one.
    if (url.port !== '') throw new VerificationError(`SignatureCertChainUrl has invalid port: ${url.port}`);
    if (!url.pathname.startsWith('/echo.api/')) throw new VerificationError(`SignatureCertChainUrl has invalid path: ${url.pathname}`);
  }
}

/** Amazon's tolerance for a request's timestamp, either side of now. */
const TIMESTAMP_TOLERANCE_MS = 150_000;

/**
 * The SDK's timestamp check (150 s, one hour for skill events) lets through a timestamp it
 * cannot parse, since NaN compares false, and any timestamp in the future; Amazon's rule is
 * "within 150 seconds of now". This closes both gaps, then asks the SDK about the age.
 */
export class TimestampVerifier implements Verifier {
  private readonly age = new RequestAgeVerifier();

  async verify(body: string): Promise<void> {
    const timestamp = (JSON.parse(body) as { request?: { timestamp?: unknown } } | null)?.request?.timestamp;
    const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
    if (Number.isNaN(at)) throw new VerificationError('request.timestamp is missing or not a date');
    if (at - Date.now() > TIMESTAMP_TOLERANCE_MS) throw new VerificationError('Timestamp verification failed: the request is from the future');
    await this.age.verify(body);
  }
}

/** The SDK's verifier downloads the certificate with no time limit of its own; Alexa will not wait forever either. */
export class TimeLimitedVerifier implements Verifier {
  constructor(
    private readonly inner: Verifier,
    private readonly limitMs: number,
  ) {}

  async verify(body: string, headers?: IncomingHttpHeaders): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new VerificationError('the signing certificate could not be fetched in time')), this.limitMs);
    });
    try {
      await Promise.race([this.inner.verify(body, headers), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Alexa's checks for a skill hosted as a web service, cheapest first so that a stale or
 * misaddressed request is refused before any certificate is downloaded: the 150 s timestamp,
 * the certificate URL, then the signature over the raw body with the SDK's verifier.
 */
export function alexaVerifiers(certificateFetchLimitMs = 5000): Verifier[] {
  return [
    new TimestampVerifier(),
    new CertificateUrlVerifier(),
    new TimeLimitedVerifier(new SkillRequestSignatureVerifier(), certificateFetchLimitMs),
  ];
}

/** Runs `verifiers` in order; the first refusal wins and becomes a {@link VerificationError}. */
export async function verifyRequest(verifiers: readonly Verifier[], body: string, headers: IncomingHttpHeaders): Promise<void> {
  for (const verifier of verifiers) {
    try {
      await verifier.verify(body, headers);
    } catch (error) {
      if (error instanceof VerificationError) throw error;
      throw new VerificationError(error instanceof SyntaxError ? 'the body is not JSON' : (error as Error).message);
    }
  }
}
