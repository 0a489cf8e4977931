import { createHash } from 'node:crypto';
import { REDACTED, removeSecrets } from '../secrets';

export { REDACTED };

/** Keys whose values are secrets or too personal to log, whatever object they sit in. */
const SECRET_KEYS: ReadonlySet<string> = new Set([
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
]);

/** Keys that hold objects we never log whole (they carry headers or full envelopes). */
const DROPPED_KEYS = new Set(['config', 'request', 'response', 'headers', 'envelope', 'requestenvelope', 'context']);

// Amazon's own tokens start with "Atza|" (access) or "Atzr|" (refresh). Matched first: the bearer
// pattern below would otherwise take "Bearer Atza" and leave the rest of the token behind.
const AMAZON_TOKEN = /Atz[ar]\|[A-Za-z0-9._~+/=|-]+/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=|-]+/gi;

/** Longest string a log line keeps: a request's fields are the sender's to choose, and a log is no place for megabytes. */
export const MAX_LOGGED_STRING_CHARS = 2000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;
const MAX_CAUSES = 3;

/** Shortens an Alexa user id to a stable, non-reversible handle for correlating log lines. */
export function hashUserId(userId: string | undefined): string | undefined {
  if (userId === undefined || userId === '') return undefined;
  return createHash('sha256').update(userId).digest('hex').slice(0, 12);
}

/** What to remove besides the patterns: the values of the secrets in play. */
interface Scope {
  readonly secrets: readonly string[];
  readonly seen: WeakSet<object>;
}

function clipped(text: string): string {
  return text.length <= MAX_LOGGED_STRING_CHARS ? text : `${text.slice(0, MAX_LOGGED_STRING_CHARS)}…(${text.length - MAX_LOGGED_STRING_CHARS} more chars)`;
}

/**
 * A string safe to log: the known secrets' values removed first (in every form), then the token
 * shapes, and only then clipped, so a cut can never leave half a token that no longer matches.
 */
function redactText(text: string, secrets: readonly string[]): string {
  return clipped(removeSecrets(text, secrets).replace(AMAZON_TOKEN, REDACTED).replace(BEARER, `$1 ${REDACTED}`));
}

function describe(error: unknown, depth: number, scope: Scope): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: redactValue(error, depth + 1, scope) };
  const described: Record<string, unknown> = { name: redactText(String(error.name), scope.secrets), message: redactText(error.message, scope.secrets) };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key === 'stack') continue;
    described[redactText(key, scope.secrets)] = redactEntry(key, value, depth + 1, scope);
  }
  if (typeof error.stack === 'string') described.stack = redactText(error.stack, scope.secrets);
  if (error.cause !== undefined && depth < MAX_CAUSES) described.cause = describe(error.cause, depth + 1, scope);
  return described;
}

/** Plain, loggable description of an error: name, message, code and our own fields, never axios' config. */
export function describeError(error: unknown, secrets: readonly string[]): Record<string, unknown> {
  return describe(error, 0, { secrets, seen: new WeakSet() });
}

function redactValue(value: unknown, depth: number, scope: Scope): unknown {
  if (typeof value === 'string') return redactText(value, scope.secrets);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describe(value, depth, scope);
  if (depth > MAX_DEPTH) return '[deep]';
  if (scope.seen.has(value)) return '[circular]';
  scope.seen.add(value);
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redactValue(item, depth + 1, scope));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[redactText(key, scope.secrets)] = redactEntry(key, item, depth + 1, scope);
  return copy;
}

/**
 * A copy of `value` that is safe to log: secret keys masked, header and envelope objects
 * dropped, the given secrets' values and bearer tokens removed from every string (keys,
 * messages, stacks and causes too), long strings clipped. Works on anything, including cycles.
 */
export function redact(value: unknown, secrets: readonly string[]): unknown {
  return redactValue(value, 0, { secrets, seen: new WeakSet() });
}

function redactEntry(key: string, value: unknown, depth: number, scope: Scope): unknown {
  const lower = key.toLowerCase();
  if (SECRET_KEYS.has(lower)) return REDACTED;
  if (DROPPED_KEYS.has(lower) && value !== null && typeof value === 'object') return '[omitted]';
  return redactValue(value, depth, scope);
}

/** Request ids are about 70 characters; intent and request type names are shorter still. */
export const MAX_ID_FIELD_CHARS = 100;

/**
 * A field taken from the request, fit for a log line: a string clipped to `max` characters
 * (the sender chooses its length), anything else only named by its type. The secrets go first,
 * so that the cut cannot leave the start of a token that the logger no longer recognises.
 */
export function requestField(value: unknown, max: number, secrets: readonly string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return `(${Array.isArray(value) ? 'array' : typeof value})`;
  // Bounded before the secrets are looked for: no secret is anywhere near this long.
  const clean = removeSecrets(value.slice(0, max + 4096), secrets);
  return clean.length <= max ? clean : `${clean.slice(0, max)}…`;
}
