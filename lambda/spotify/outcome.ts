import type * as z from 'zod/mini';
import {
  BadResponse,
  Forbidden,
  NoActiveDevice,
  NotFound,
  PremiumRequired,
  RateLimited,
  Unauthorized,
  Unavailable,
  UserNotRegistered,
  type SpotifyError,
  type SpotifyErrorDetails,
} from './errors';
import type { errorBody } from './schemas';
import { removeSecrets } from '../secrets';

/** What one attempt came to: a value, an error worth one more try after `waitMs`, or a final error. */
export type Outcome<T> = { readonly kind: 'ok'; readonly value: T } | Failure;

export type Failure =
  | { readonly kind: 'retry'; readonly error: SpotifyError; readonly waitMs: number }
  | { readonly kind: 'fail'; readonly error: SpotifyError };

/** Longest piece of Spotify's own error message kept in an error. */
const MAX_MESSAGE_CHARS = 200;
/** Spotify's reasons are short words such as PREMIUM_REQUIRED. */
const MAX_REASON_CHARS = 64;

/**
 * Text from Spotify's answer, fit to become part of an error (and so of a log line): the
 * secrets removed first, then clipped, so a cut can never leave part of a token behind.
 * Spotify may quote the request back, token and all.
 */
function untrustedText(text: string, secrets: readonly string[], max: number): string {
  let kept = '';
  let count = 0;
  // By code point, not UTF-16 unit, so a cut never splits an emoji; and no further than the cut.
  for (const char of removeSecrets(text, secrets)) {
    if (count === max) break;
    kept += char;
    count += 1;
  }
  return kept;
}

/** A 2xx body: parsed with `schema`, or ignored when the operation answers without one (`schema` null). */
export function successOutcome(operation: string, status: number, text: string, schema: z.ZodMiniType | null): Outcome<unknown> {
  const details = { operation, status };
  if (schema === null) return { kind: 'ok', value: undefined };
  if (text.trim() === '') return { kind: 'fail', error: new BadResponse('empty body where JSON was expected', details) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the body; the status and the kind of failure are what matter.
    return { kind: 'fail', error: new BadResponse('body is not JSON (an HTML page or cut short)', details) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { kind: 'fail', error: new BadResponse(`body does not match the spec (${where})`, details) };
  }
  return { kind: 'ok', value: parsed.data };
}

/**
 * A non-2xx answer as a typed error. Only a 429 and a 5xx are worth another try: the first
 * after Spotify's `Retry-After`, the second after `jitterMs`.
 */
export function failureOutcome(
  operation: string,
  status: number,
  retryAfter: unknown,
  text: string,
  errorSchema: typeof errorBody,
  jitterMs: () => number,
  /** The values Spotify's words must not carry into the error: the access token of the call. */
  secrets: readonly string[],
): Failure {
  const spotify = parseErrorBody(text, errorSchema, secrets);
  const details: SpotifyErrorDetails = { operation, status, spotifyMessage: spotify.message, reason: spotify.reason };
  if (status === 401) return { kind: 'fail', error: new Unauthorized('access token rejected', details) };
  if (status === 403 && spotify.reason === 'PREMIUM_REQUIRED') {
    return { kind: 'fail', error: new PremiumRequired('Spotify Premium required', details) };
  }
  if (status === 403 && saysUserNotRegistered(spotify.message ?? text)) {
    return { kind: 'fail', error: new UserNotRegistered('user not registered for this Spotify app', details) };
  }
  if (status === 403) return { kind: 'fail', error: new Forbidden('forbidden', details) };
  if (status === 404 && spotify.reason === 'NO_ACTIVE_DEVICE') return { kind: 'fail', error: new NoActiveDevice('no active device', details) };
  if (status === 404) return { kind: 'fail', error: new NotFound('not found', details) };
  if (status === 429) {
    const retryAfterS = parseRetryAfter(retryAfter);
    return { kind: 'retry', error: new RateLimited(retryAfterS, details), waitMs: retryAfterS * 1000 };
  }
  if (status >= 500 && status <= 599) return { kind: 'retry', error: new Unavailable('Spotify server error', details), waitMs: jitterMs() };
  return { kind: 'fail', error: new BadResponse(`unexpected status ${status}`, details) };
}

/**
 * Spotify's wordings for a user missing from a development-mode app's list, in a JSON error or
 * as plain text: "User not registered in the Developer Dashboard", "Check settings on
 * developer.spotify.com/dashboard, the user may not be registered.", "The user is not
 * registered for this application".
 */
const USER_NOT_REGISTERED = /\bnot\s+(?:be\s+)?registered\b/i;

function saysUserNotRegistered(message: string): boolean {
  return USER_NOT_REGISTERED.test(message);
}

/** Spotify's `{ error: { status, message, reason? } }`, when the body really is one. */
function parseErrorBody(text: string, errorSchema: typeof errorBody, secrets: readonly string[]): { message?: string; reason?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (an HTML error page from a proxy, say): json stays undefined, which the schema
    // refuses like any other shape, and the status alone decides.
  }
  const parsed = errorSchema.safeParse(json);
  if (!parsed.success) return {};
  const { message, reason } = parsed.data.error;
  return {
    message: message === undefined ? undefined : untrustedText(message, secrets, MAX_MESSAGE_CHARS),
    reason: reason === undefined ? undefined : untrustedText(reason, secrets, MAX_REASON_CHARS),
  };
}

/** IMF-fixdate, RFC 850 and asctime, the three forms HTTP allows; anything looser is not a date to wait for. */
const HTTP_DATE = /^[A-Za-z]{3,9},? .*\d{2}:\d{2}:\d{2}/;

/** `Retry-After` in seconds or as an HTTP date; a missing or odd value counts as one second. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number {
  const raw = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return 1;
  const text = String(raw).trim();
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP dates are always GMT; the asctime form just does not say so. Date.parse reads a date in
  // the last zone it names, so "… GMT GMT" is read as "… GMT" is.
  const date = HTTP_DATE.test(text) ? Date.parse(`${text} GMT`) : Number.NaN;
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  return 1;
}
