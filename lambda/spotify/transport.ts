import http from 'node:http';
import https from 'node:https';
import type { AxiosError, AxiosInstance } from 'axios';
import type * as z from 'zod/mini';
import type { Deadline } from './deadline';
import { BadResponse, RateLimited, Timeout, Unavailable, type SpotifyError } from './errors';
import { failureOutcome, successOutcome, type Failure, type Outcome } from './outcome';
import type { RetryGate } from './retryGate';
import type * as Schemas from './schemas';

/** The response schemas; a call names the one its answer must match. */
export type SchemaModule = typeof Schemas;
export type SchemaPick<S extends z.ZodMiniType> = (schemas: SchemaModule) => S;

/** What a call's answer is checked against: its body's schema (null: no body) and Spotify's error object. */
interface AnswerSchemas {
  readonly body: z.ZodMiniType | null;
  readonly error: SchemaModule['errorBody'];
}

let schemaModule: Promise<SchemaModule> | undefined;

/** zod and the response schemas are built on the first Spotify call, not at cold start (as axios, below). */
function loadSchemas(): Promise<SchemaModule> {
  schemaModule ??= import('./schemas');
  return schemaModule;
}

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
  /** Shared by the calls of one request, so that a 429's Retry-After holds them all back. */
  readonly gate?: RetryGate;
}

/** What an observer learns of each attempt: never the token, the headers or the body. */
export type CallEvent = {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status?: number | undefined;
  readonly attempt: number;
  readonly ms: number;
  readonly outcome: string;
};

export type CallObserver = (event: CallEvent) => void;

export interface TransportOptions {
  readonly baseUrl: string;
  /** Longest a single attempt may take. */
  readonly callTimeoutMs: number;
  /** No attempt is started with less time than this left: it could not finish. */
  readonly minAttemptMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly observe?: CallObserver;
}

/** Below this, an attempt could not even get an answer back from Spotify's nearest edge. */
const DEFAULT_MIN_ATTEMPT_MS = 150;

/**
 * Agents shared by every client in the container: a warm Lambda keeps its TLS connection to
 * Spotify open between invocations instead of paying a handshake per request.
 */
const keepAliveHttp = new http.Agent({ keepAlive: true, maxSockets: 16 });
const keepAliveHttps = new https.Agent({ keepAlive: true, maxSockets: 16 });

/** A full playlist with its first 100 tracks is a few hundred kilobytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * axios is loaded on the first Spotify call, not when the bundle loads: it and what it pulls in
 * (Node's fetch classes among them) are tens of milliseconds of cold start that an unlinked
 * request, answered without Spotify, never needs.
 */
async function createHttpInstance(): Promise<AxiosInstance> {
  const { default: axios } = await import('axios');
  return axios.create({
    httpAgent: keepAliveHttp,
    httpsAgent: keepAliveHttps,
    // A proxy from the environment must never see the bearer token, nor slow loopback tests.
    proxy: false,
    maxRedirects: 0,
    // We read the status and body ourselves so every outcome maps to a typed error: no transform,
    // so the body stays the text Node decoded ('' when there is none).
    validateStatus: () => true,
    transformResponse: [],
    // No answer the skill reads comes near this; a runaway body must not fill the Lambda's memory.
    maxContentLength: MAX_BODY_BYTES,
  });
}

/**
 * A reset or broken pipe is often a keep-alive socket the server closed while the Lambda was
 * frozen: one more try on a fresh socket helps. A refused connection or a DNS failure means
 * Spotify (or the route to it) is down, and trying again would only spend the budget.
 */
const RETRYABLE_SOCKET_CODES: ReadonlySet<string | undefined> = new Set(['ECONNRESET', 'EPIPE']);

/**
 * The one function through which every Spotify call goes: deadline, per-call timeout,
 * one retry where it helps, and every failure turned into a typed error.
 */
export class SpotifyTransport {
  /** Shared by every user's calls: it holds the keep-alive agents' connections. */
  private http: Promise<AxiosInstance> | undefined;
  private readonly minAttemptMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.minAttemptMs = options.minAttemptMs ?? DEFAULT_MIN_ATTEMPT_MS;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Whether `deadline` still leaves room for one more attempt. */
  canStartCall(deadline: Deadline): boolean {
    return deadline.remainingMs() >= this.minAttemptMs;
  }

  /** Sends `request`; parses the body with the schema `pick` names, or expects no body when `pick` is null. */
  async call<S extends z.ZodMiniType>(request: SpotifyRequest, pick: SchemaPick<S>, context: CallContext): Promise<z.infer<S>>;
  async call(request: SpotifyRequest, pick: null, context: CallContext): Promise<void>;
  async call(request: SpotifyRequest, pick: SchemaPick<z.ZodMiniType> | null, context: CallContext): Promise<unknown> {
    const { deadline, gate } = context;
    const outOfTime = () => new Timeout('no time left in the request budget', { operation: request.operation });
    await gate?.passage();
    if (!this.canStartCall(deadline)) throw outOfTime();
    this.http ??= createHttpInstance();
    const [schemas, http] = await Promise.all([loadSchemas(), this.http]);
    // Loading axios and zod on a container's first call spends budget that no timer covers.
    if (!this.canStartCall(deadline)) throw outOfTime();
    const answer: AnswerSchemas = { body: pick === null ? null : pick(schemas), error: schemas.errorBody };
    const first = await this.attempt(http, request, answer, context, 1);
    if (first.kind === 'ok') return first.value;
    if (first.kind === 'fail') throw first.error;
    // One more try only when both the wait (Retry-After or jitter) and a useful attempt fit the budget.
    if (!this.waitFits(first.error, first.waitMs, context)) throw first.error;
    if (first.error instanceof RateLimited && gate !== undefined) await gate.passage();
    else await this.sleep(first.waitMs);
    if (!this.canStartCall(deadline)) throw first.error;
    const second = await this.attempt(http, request, answer, context, 2);
    if (second.kind === 'ok') return second.value;
    if (second.kind === 'retry') this.waitFits(second.error, second.waitMs, context);
    throw second.error;
  }

  /**
   * Whether a wait and one more attempt fit what is left of the budget. A 429's wait that fits is
   * the whole request's: it holds back the request's other calls too.
   */
  private waitFits(error: SpotifyError, waitMs: number, { deadline, gate }: CallContext): boolean {
    const fits = waitMs + this.minAttemptMs <= deadline.remainingMs();
    if (fits && error instanceof RateLimited) gate?.hold(waitMs, this.sleep);
    return fits;
  }

  private async attempt(
    http: AxiosInstance,
    request: SpotifyRequest,
    answer: AnswerSchemas,
    context: CallContext,
    attempt: number,
  ): Promise<Outcome<unknown>> {
    const timeoutMs = Math.min(this.options.callTimeoutMs, context.deadline.remainingMs());
    const started = Date.now();
    const report = (outcome: string, status?: number) => {
      try {
        this.options.observe?.({ operation: request.operation, method: request.method, path: request.path, status, attempt, ms: Date.now() - started, outcome });
      } catch {
        // A failing log line must not turn Spotify's answer into a failure, or a failure into an unmapped one.
      }
    };
    const controller = new AbortController();
    // One timer for the whole attempt: connecting, the status line and every byte of the body.
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await http.request<string>({
        method: request.method,
        baseURL: this.options.baseUrl,
        url: request.path,
        params: request.query,
        // No body gives no data: JSON.stringify(undefined) is undefined.
        data: JSON.stringify(request.body),
        headers: {
          Authorization: `Bearer ${context.accessToken}`,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        signal: controller.signal,
      });
      const status = response.status;
      report(String(status), status);
      return status >= 200 && status < 300
        ? successOutcome(request.operation, status, response.data, answer.body)
        : failureOutcome(request.operation, status, response.headers['retry-after'], response.data, answer.error, () => this.jitterMs(), [context.accessToken]);
    } catch (error) {
      const outcome = this.networkOutcome(request.operation, error, controller.signal.aborted, timeoutMs);
      report(outcome.error.name);
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A failure below HTTP. The axios error itself is not kept as the cause: it holds the
   * request's headers, and with them the token. Its name, message and code are.
   */
  private networkOutcome(operation: string, error: unknown, timedOut: boolean, timeoutMs: number): Failure {
    const cause = withoutRequest(error);
    if (timedOut) return { kind: 'fail', error: new Timeout(`no answer within ${timeoutMs} ms`, { operation, cause }) };
    const status = isAxiosError(error) ? error.response?.status : undefined;
    // The status line arrived but the connection dropped mid-body: what we have is a truncated body.
    if (status !== undefined) return { kind: 'fail', error: new BadResponse('body cut short', { operation, status, cause }) };
    const code = isAxiosError(error) ? error.code : undefined;
    // axios gives up reading at maxContentLength before any response object exists.
    if (code === 'ERR_BAD_RESPONSE') return { kind: 'fail', error: new BadResponse(`body larger than ${MAX_BODY_BYTES} bytes`, { operation, cause }) };
    const unavailable = new Unavailable(`connection failed (${code ?? 'unknown'})`, { operation, cause });
    if (RETRYABLE_SOCKET_CODES.has(code)) return { kind: 'retry', error: unavailable, waitMs: this.jitterMs() };
    return { kind: 'fail', error: unavailable };
  }

  /** 50–250 ms, so that many skills retrying at once do not arrive together. */
  private jitterMs(): number {
    return Math.round(50 + this.random() * 200);
  }
}

/** The parts of a transport error that are safe to keep: never its config, request or headers. */
function withoutRequest(error: unknown): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const copy = new Error(error.message);
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? Object.assign(copy, { code }) : copy;
}

function isAxiosError(error: unknown): error is AxiosError {
  // Reading a property of a string or a number is harmless; only null and undefined need the `?.`.
  return (error as { isAxiosError?: unknown } | null | undefined)?.isAxiosError === true;
}
