import { createHash } from 'node:crypto';

/** Keys whose values are secrets or too personal to log, whatever object they sit in. */
const SECRET_KEYS = new Set(
  [
    'accesstoken',
    'apiaccesstoken',
    'access_token',
    'refreshtoken',
    'refresh_token',
    'authorization',
    'proxy-authorization',
    'token',
    'client_secret',
    'clientsecret',
    'password',
    'cookie',
    'set-cookie',
  ].map((key) => key.toLowerCase()),
);

/** Keys that hold objects we never log whole (they carry headers or full envelopes). */
const DROPPED_KEYS = new Set(['config', 'request', 'response', 'headers', 'envelope', 'requestenvelope', 'context']);

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Alexa access tokens for linked accounts are opaque strings; Amazon's own tokens start with "Atza|".
const AMAZON_TOKEN = /Atz[ar]\|[A-Za-z0-9._~+/=|-]+/g;

export const REDACTED = '[redacted]';

/** Shortens an Alexa user id to a stable, non-reversible handle for correlating log lines. */
export function hashUserId(userId: string | undefined): string | undefined {
  if (userId === undefined || userId === '') return undefined;
  return createHash('sha256').update(userId).digest('hex').slice(0, 12);
}

function redactString(value: string): string {
  return value.replace(BEARER, `$1 ${REDACTED}`).replace(AMAZON_TOKEN, REDACTED);
}

/** Plain, loggable description of an error: name, message, code and our own fields, never axios' config. */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: redact(error, depth + 1) };
  const described: Record<string, unknown> = { name: error.name, message: redactString(error.message) };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key === 'stack') continue;
    described[key] = redactEntry(key, value, depth + 1, new WeakSet());
  }
  if (error.stack !== undefined) described.stack = redactString(error.stack);
  if (error.cause !== undefined && depth < 3) described.cause = describeError(error.cause, depth + 1);
  return described;
}

/**
 * A copy of `value` that is safe to log: secret keys masked, header and envelope objects
 * dropped, bearer tokens inside strings masked. Works on anything, including cycles.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describeError(value, depth);
  if (depth > 6) return '[deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactEntry(key, item, depth + 1, seen);
  return copy;
}

function redactEntry(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  const lower = key.toLowerCase();
  if (SECRET_KEYS.has(lower)) return REDACTED;
  if (DROPPED_KEYS.has(lower) && value !== null && typeof value === 'object') return '[omitted]';
  return redact(value, depth, seen);
}
