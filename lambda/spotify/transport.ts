import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import type * as z from 'zod/mini';
import type { Deadline } from './deadline';
import {
  BadResponse,
  Forbidden,
  NoActiveDevice,
  NotFound,
  PremiumRequired,
  RateLimited,
  Timeout,
  Unauthorized,
  Unavailable,
  type SpotifyErrorDetails,
} from './errors';
import { errorBody } from './schemas';

/** One Spotify call, in the client's terms. */
export interface SpotifyRequest {
  /** Client operation name, used in errors and logs. */
  readonly operation: string;
  readonly method: 'GET' | 'PUT';
  /** Path below the API base URL, e.g. `/me/playlists`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

export interface CallContext {
  readonly accessToken: string;
  readonly deadline: Deadline;
}

export interface CallObserver {
  (event: { operation: string; method: string; path: string; status?: number; attempt: number; ms: number; outcome: string }): void;
}

export interface TransportOptions {
  readonly baseUrl: string;
  /** Longest a single attempt may take. */
  readonly callTimeoutMs: number;
  /** No attempt is started with less time than this left: it could not finish. */
  readonly minAttemptMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly observe?: CallObserver;
  /** Replaces the axios instance (tests); it must not follow the proxy environment. */
  readonly axiosInstance?: AxiosInstance;
}

/**
 * Agents shared by every client in the container: a warm Lambda keeps its TLS connection to
 * Spotify open between invocations instead of paying a handshake per request.
 */
const keepAliveHttp = new http.Agent({ keepAlive: true, maxSockets: 16 });
const keepAliveHttps = new https.Agent({ keepAlive: true, maxSockets: 16 });

export function createHttpInstance(): AxiosInstance {
  return axios.create({
    httpAgent: keepAliveHttp,
    httpsAgent: keepAliveHttps,
    // A proxy from the environment must never see the bearer token, nor slow loopback tests.
    proxy: false,
    maxRedirects: 0,
    // We read the status and body ourselves so every outcome maps to a typed error.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  });
}

const RETRYABLE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'retry'; error: Error; waitMs: number } | { kind: 'fail'; error: Error };

/**
 * The one function through which every Spotify call goes: deadline, per-call timeout,
 * one retry where it helps, and every failure turned into a typed error.
 */
export class SpotifyTransport {
  private readonly http: AxiosInstance;
  private readonly minAttemptMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.http = options.axiosInstance ?? createHttpInstance();
    this.minAttemptMs = options.minAttemptMs ?? 150;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Sends `request`; parses the body with `schema`, or expects no body when `schema` is null. */
  async call<S extends z.ZodMiniType>(request: SpotifyRequest, schema: S, context: CallContext): Promise<z.infer<S>>;
  async call(request: SpotifyRequest, schema: null, context: CallContext): Promise<void>;
  async call(request: SpotifyRequest, schema: z.ZodMiniType | null, context: CallContext): Promise<unknown> {
    let previous: Error | undefined;
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const remaining = context.deadline.remainingMs();
      if (remaining < this.minAttemptMs) {
        throw previous ?? new Timeout('no time left in the request budget', { operation: request.operation });
      }
      const outcome = await this.attempt(request, schema, context, Math.min(this.options.callTimeoutMs, remaining), attempt);
      if (outcome.kind === 'ok') return outcome.value;
      if (outcome.kind === 'fail' || attempt === 2) throw outcome.error;
      // Retry only when the wait and a useful attempt both fit in what is left.
      if (outcome.waitMs + this.minAttemptMs > context.deadline.remainingMs()) throw outcome.error;
      previous = outcome.error;
      await this.sleep(outcome.waitMs);
    }
    /* istanbul ignore next -- the loop always returns or throws */
    throw previous ?? new Timeout('no attempt made', { operation: request.operation });
  }

  private async attempt(
    request: SpotifyRequest,
    schema: z.ZodMiniType | null,
    context: CallContext,
    timeoutMs: number,
    attempt: number,
  ): Promise<Outcome<unknown>> {
    const started = Date.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const details = { operation: request.operation };
    const report = (outcome: string, status?: number) =>
      this.options.observe?.({ operation: request.operation, method: request.method, path: request.path, status, attempt, ms: Date.now() - started, outcome });
    let status: number;
    let headers: Record<string, unknown>;
    let text: string;
    try {
      const response = await this.http.request<string>({
        method: request.method,
        baseURL: this.options.baseUrl,
        url: request.path,
        params: request.query,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        headers: {
          Authorization: `Bearer ${context.accessToken}`,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        signal: controller.signal,
      });
      status = response.status;
      headers = response.headers as Record<string, unknown>;
      text = typeof response.data === 'string' ? response.data : '';
    } catch (error) {
      if (controller.signal.aborted) {
        report('timeout');
        return { kind: 'fail', error: new Timeout(`no answer within ${timeoutMs} ms`, { ...details, cause: error }) };
      }
      const code = isAxiosError(error) ? error.code : undefined;
      report(code ?? 'network-error');
      const unavailable = new Unavailable(`connection failed${code ? ` (${code})` : ''}`, { ...details, cause: error });
      // A reset connection is often a stale keep-alive socket: one retry on a fresh one helps.
      // A refused connection means Spotify (or the route to it) is down: retrying would only wait.
      if (code !== undefined && RETRYABLE_SOCKET_CODES.has(code)) return { kind: 'retry', error: unavailable, waitMs: this.jitterMs() };
      return { kind: 'fail', error: unavailable };
    } finally {
      clearTimeout(timer);
    }
    report(String(status), status);

    if (status >= 200 && status < 300) return this.parseSuccess(request, schema, status, text);
    return this.mapFailure(request, status, headers, text);
  }

  private parseSuccess(request: SpotifyRequest, schema: z.ZodMiniType | null, status: number, text: string): Outcome<unknown> {
    const details = { operation: request.operation, status };
    if (schema === null) return { kind: 'ok', value: undefined };
    if (text.trim() === '') return { kind: 'fail', error: new BadResponse('empty body where JSON was expected', details) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { kind: 'fail', error: new BadResponse('body is not JSON', { ...details, cause: error }) };
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

  private mapFailure(request: SpotifyRequest, status: number, headers: Record<string, unknown>, text: string): Outcome<never> {
    const spotify = parseErrorBody(text);
    const details: SpotifyErrorDetails = { operation: request.operation, status, spotifyMessage: spotify.message, reason: spotify.reason };
    switch (true) {
      case status === 401:
        return { kind: 'fail', error: new Unauthorized('access token rejected', details) };
      case status === 403 && spotify.reason === 'PREMIUM_REQUIRED':
        return { kind: 'fail', error: new PremiumRequired('Spotify Premium required', details) };
      case status === 403:
        return { kind: 'fail', error: new Forbidden('forbidden', details) };
      case status === 404 && spotify.reason === 'NO_ACTIVE_DEVICE':
        return { kind: 'fail', error: new NoActiveDevice('no active device', details) };
      case status === 404:
        return { kind: 'fail', error: new NotFound('not found', details) };
      case status === 429: {
        const retryAfterS = parseRetryAfter(headers['retry-after']);
        return { kind: 'retry', error: new RateLimited(retryAfterS, details), waitMs: retryAfterS * 1000 };
      }
      case status >= 500:
        return { kind: 'retry', error: new Unavailable('Spotify server error', details), waitMs: this.jitterMs() };
      default:
        return { kind: 'fail', error: new BadResponse(`unexpected status ${status}`, details) };
    }
  }

  /** 50–250 ms, so that many skills retrying at once do not arrive together. */
  private jitterMs(): number {
    return Math.round(50 + this.random() * 200);
  }
}

function parseErrorBody(text: string): { message?: string; reason?: string } {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) return { message: parsed.data.error.message?.slice(0, 200), reason: parsed.data.error.reason };
  } catch {
    // Not JSON (an HTML error page, say): the status alone decides.
  }
  return {};
}

/** `Retry-After` in seconds or as an HTTP date; a missing or odd value counts as one second. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return 1;
  const text = String(raw).trim();
  if (/^\d+$/.test(text)) return Math.max(0, Number(text));
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  return 1;
}
