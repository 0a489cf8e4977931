import type { LogLevel } from '../config';
import { redact } from './redact';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;

/**
 * JSON-lines logger. Every field passes through {@link redact}, so a token cannot reach the
 * log even when a caller hands over an axios error or a whole object by mistake.
 */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
    private readonly base: LogFields = {},
  ) {}

  /** A logger that adds `fields` to every line, e.g. the request id. */
  child(fields: LogFields): Logger {
    return new Logger(this.level, this.sink, { ...this.base, ...fields });
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
    this.sink(JSON.stringify(redact(line)));
  }
}
