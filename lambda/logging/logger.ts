import type { LogLevel } from '../config';
import { MIN_SECRET_CHARS } from '../secrets';
import { redact } from './redact';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;

/**
 * The secret values a logger removes from every line, whatever field or message they turn up
 * in: the tokens of the request in hand (the linked access token, Alexa's API token) and of
 * the few before it, plus any a component registers (a refresh token as it is issued; a client
 * secret, kept for good). Bounded: of the passing ones the oldest is forgotten first, so a
 * long-lived container does not grow.
 */
export class SecretRegistry {
  private readonly passing: string[] = [];
  private readonly lasting: string[] = [];
  private all: readonly string[] = [];

  constructor(
    private readonly capacity = 32,
    private readonly lastingCapacity = 8,
  ) {}

  /** Remembers each usable value (strings of at least MIN_SECRET_CHARS characters) among the passing ones; others are ignored. */
  add(...values: readonly unknown[]): void {
    for (const value of values) {
      if (!usable(value)) continue;
      const known = this.passing.indexOf(value);
      if (known >= 0) this.passing.splice(known, 1);
      this.passing.push(value);
      if (this.passing.length > this.capacity) this.passing.shift();
    }
    this.all = [...this.lasting, ...this.passing];
  }

  /** Remembers a secret for as long as the registry lives, whatever passes after it: a client secret. */
  keep(value: unknown): void {
    if (!usable(value) || this.lasting.includes(value)) return;
    this.lasting.push(value);
    if (this.lasting.length > this.lastingCapacity) this.lasting.shift();
    this.all = [...this.lasting, ...this.passing];
  }

  list(): readonly string[] {
    return this.all;
  }
}

function usable(value: unknown): value is string {
  return typeof value === 'string' && value.length >= MIN_SECRET_CHARS;
}

/**
 * JSON-lines logger. Every line passes through {@link redact} with the registry's secrets, so a
 * token cannot reach the log even when a caller hands over an axios error, Spotify's own words
 * quoting the token, or a whole object by mistake.
 */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
    private readonly base: LogFields = {},
    /** Shared with every child, so a secret registered anywhere is removed everywhere. */
    readonly secrets: SecretRegistry = new SecretRegistry(),
  ) {}

  /** A logger that adds `fields` to every line, e.g. the request id. */
  child(fields: LogFields): Logger {
    return new Logger(this.level, this.sink, { ...this.base, ...fields }, this.secrets);
  }

  isEnabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  private write(level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void {
    if (!this.isEnabled(level)) return;
    const line = { level, time: new Date().toISOString(), message, ...this.base, ...(fields ?? {}) };
    this.sink(JSON.stringify(redact(line, this.secrets.list())));
  }
}
