import { ConfigurationError } from './errors';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Everything the skill reads from its environment, read and checked once per container. */
export interface SkillConfig {
  /** Base URL of the Spotify Web API, without a trailing slash. */
  readonly spotifyApiBaseUrl: string;
  /** When set, the SDK refuses requests addressed to any other skill. */
  readonly skillId: string | undefined;
  readonly logLevel: LogLevel;
  /** Time the whole request may take before the skill must answer (Alexa gives up at 8 s). */
  readonly requestBudgetMs: number;
  /** Longest a single Spotify call may take. */
  readonly spotifyCallTimeoutMs: number;
  /**
   * The one origin, besides Alexa's own API hosts, that may receive the user's Alexa API token
   * (progressive responses): the local run names its own. Undefined: Alexa's hosts only.
   */
  readonly trustedAlexaApiOrigin: string | undefined;
  /**
   * The DynamoDB table that remembers each listener between sessions; undefined: the skill is
   * stateless. Endpoint, region and credentials come from the AWS SDK's own settings.
   */
  readonly persistenceTableName: string | undefined;
  /** Longest a single call to that table may take: well inside the request's budget, so a slow table never delays the answer much. */
  readonly persistenceTimeoutMs: number;
}

export const DEFAULT_SPOTIFY_API_BASE_URL = 'https://api.spotify.com/v1';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readUrl(env: Env, name: string, fallback: string, example = 'https://api.spotify.com/v1'): string {
  const raw = nonEmpty(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The value is not repeated: a mistyped URL may still hold a password.
    throw new ConfigurationError(name, `is not an absolute URL such as ${example}`);
  }
  // Credentials in the URL would be sent beside the user's token and printed in this very message.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(name, `${url.protocol}//${url.host}${url.pathname} must not carry a user name or password`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(name, `must use http or https, not ${url.protocol}`);
  }
  return raw.replace(/\/+$/, '');
}

/** An origin such as http://127.0.0.1:3100: scheme, host and port, nothing else. */
function readOrigin(env: Env, name: string): string | undefined {
  if (nonEmpty(env, name) === undefined) return undefined;
  const url = new URL(readUrl(env, name, '', 'http://127.0.0.1:3000'));
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConfigurationError(name, `must be an origin such as http://127.0.0.1:3000, without a path (${url.origin} would do)`);
  }
  return url.origin;
}

function readLogLevel(env: Env, name: string): LogLevel {
  const raw = (nonEmpty(env, name) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigurationError(name, `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw as LogLevel;
}

function readSkillId(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw !== undefined && !/^amzn1\.ask\.skill\.[0-9a-zA-Z-]+$/.test(raw)) {
    throw new ConfigurationError(name, `"${raw}" is not an Alexa skill id (amzn1.ask.skill.…)`);
  }
  return raw;
}

function readPositiveInt(env: Env, name: string, fallback: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new ConfigurationError(name, `"${raw}" must be a whole number of milliseconds from 1 to ${max}`);
  }
  return value;
}

/** A table name as DynamoDB accepts it (3 to 255 of letters, digits, `_`, `-`, `.`), or its ARN. */
const TABLE_NAME = /^(?:[A-Za-z0-9_.-]{3,255}|arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255})$/;

function readTableName(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw !== undefined && !TABLE_NAME.test(raw)) {
    throw new ConfigurationError(name, `"${raw}" is not a DynamoDB table name (3 to 255 letters, digits, _ - .) or table ARN`);
  }
  return raw;
}

/** Reads the configuration from `env`; throws {@link ConfigurationError} naming the bad variable. */
export function loadConfig(env: Env = process.env): SkillConfig {
  return {
    spotifyApiBaseUrl: readUrl(env, 'SPOTIFY_API_BASE_URL', DEFAULT_SPOTIFY_API_BASE_URL),
    skillId: readSkillId(env, 'SKILL_ID'),
    logLevel: readLogLevel(env, 'LOG_LEVEL'),
    // Alexa waits 8 s; 6.5 s leaves room for Lambda and the network on the way back.
    requestBudgetMs: readPositiveInt(env, 'REQUEST_BUDGET_MS', 6500, 7500),
    spotifyCallTimeoutMs: readPositiveInt(env, 'SPOTIFY_TIMEOUT_MS', 3000, 7500),
    trustedAlexaApiOrigin: readOrigin(env, 'TRUSTED_ALEXA_API_ORIGIN'),
    persistenceTableName: readTableName(env, 'PERSISTENCE_TABLE_NAME'),
    // A healthy table answers in about 10 ms; a second covers a cold connection, and no more.
    persistenceTimeoutMs: readPositiveInt(env, 'PERSISTENCE_TIMEOUT_MS', 1000, 7500),
  };
}
