import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  deviceJson,
  errorJson,
  pagingJson,
  playlistItemsPage,
  playlistJson,
  playlistUri,
  privateUserJson,
  simplifiedPlaylistJson,
  type AccountRecord,
} from './model';

/** A request as the stand-in received it, for tests to assert on. */
export interface RecordedRequest {
  readonly method: string;
  /** Path below `/v1`, e.g. `/me/playlists`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The headers, less Authorization: the record must not become a store of tokens. */
  readonly headers: Readonly<http.IncomingHttpHeaders>;
  /**
   * Whom the `Authorization: Bearer …` header opened: an account's id, `unknown token` for a
   * bearer token that opens no account, or undefined when there was no bearer token. Set once the
   * token has been checked, before any fault or answer.
   */
  authorizedAs: string | undefined;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
  /**
   * When it arrived and when its answer was done (or its connection closed), on one counter shared
   * by every request: two requests were in flight together when each started before the other ended.
   */
  readonly started: number;
  ended?: number;
}

/** Something the stand-in does instead of its normal answer, to try out failure paths. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; contentType: string; body: string; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Destroy the connection without an answer (ECONNRESET at the client). */
  | { kind: 'reset' }
  /** Answer normally, after a pause. */
  | { kind: 'delay'; ms: number }
  /** Send headers and half a body, then close (truncated JSON). */
  | { kind: 'truncate' }
  /** Send the status line at once, then the body one byte every `everyMs`: a slow link that never quite stalls. */
  | { kind: 'trickle'; everyMs: number };

export interface FaultRule {
  readonly method?: string;
  /** Matches the path below `/v1`: exact string or pattern. */
  readonly path?: string | RegExp;
  /** Matches only requests with these query parameters (others may be present too). */
  readonly query?: Readonly<Record<string, string>>;
  /** How many matching requests it applies to; default 1, Infinity for all. */
  times?: number;
  readonly fault: Fault;
}

/** Which account a bearer token reaches for one call, or Spotify's refusal (status and message). */
export type AccessCheck = (
  token: string | undefined,
  method: string,
  path: string,
) => Promise<{ readonly account: AccountRecord } | { readonly status: number; readonly message: string }>;

export interface StandInOptions {
  /** Accounts by the bearer token that reaches them. */
  readonly accounts: Record<string, AccountRecord>;
  /** Replaces the lookup in `accounts`, e.g. by the tokens an authorization server issued. */
  readonly access?: AccessCheck;
  readonly host?: string;
  readonly port?: number;
}

const NOT_FOUND = (message = 'Service not found') => ({ status: 404, body: errorJson(404, message) });

/** How many requests the stand-in remembers, most recent last: enough for any test, bounded for `npm start`. */
export const MAX_RECORDED_REQUESTS = 200;

/**
 * A small Spotify Web API on loopback for the operations the skill uses, answering in the
 * spec's shapes, checking bearer tokens, and with switchable faults. Tests start one per
 * suite; `npm start` runs it as the demo Spotify.
 */
export class SpotifyStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: FaultRule[] = [];
  private readonly sockets = new Set<Socket>();
  private connections = 0;
  private events = 0;
  private constructor(
    private readonly server: http.Server,
    private readonly accounts: Record<string, AccountRecord>,
    private readonly access: AccessCheck,
  ) {}

  static async start(options: StandInOptions): Promise<SpotifyStandIn> {
    const server = http.createServer();
    const standIn = new SpotifyStandIn(server, options.accounts, options.access ?? staticTokens(options.accounts));
    server.on('request', (req, res) => {
      // A request the stand-in cannot make sense of must not take `npm start` down with it.
      standIn.handle(req, res).catch(() => {
        if (res.headersSent) res.destroy();
        else send(res, 400, errorJson(400, 'Malformed request'));
      });
    });
    server.on('connection', (socket) => {
      standIn.connections += 1;
      standIn.sockets.add(socket);
      socket.on('close', () => standIn.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    return standIn;
  }

  get origin(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** What the skill's SPOTIFY_API_BASE_URL should be. */
  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  /** TCP connections accepted so far (keep-alive means one for many requests). */
  get connectionsOpened(): number {
    return this.connections;
  }

  account(token: string): AccountRecord | undefined {
    return this.accounts[token];
  }

  /** Applies `fault` to the next matching request(s); returns the rule as kept, for {@link removeFault}. */
  inject(rule: FaultRule): FaultRule {
    const kept = { ...rule, times: rule.times ?? 1 };
    this.faults.push(kept);
    return kept;
  }

  /** Takes back a rule {@link inject} returned, whether or not it has been used up. */
  removeFault(rule: FaultRule): void {
    const index = this.faults.indexOf(rule);
    if (index >= 0) this.faults.splice(index, 1);
  }

  /** How many fault rules are waiting to apply. */
  get faultRuleCount(): number {
    return this.faults.length;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  reset(): void {
    this.clearFaults();
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(method: string, path: string, query: URLSearchParams): Fault | undefined {
    const index = this.faults.findIndex(
      (rule) =>
        (rule.method === undefined || rule.method === method) &&
        (rule.path === undefined || (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) &&
        Object.entries(rule.query ?? {}).every(([name, value]) => query.get(name) === value),
    );
    if (index < 0) return undefined;
    const rule = this.faults[index]!;
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) this.faults.splice(index, 1);
    return rule.fault;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = await readBody(req);
    const path = url.pathname.replace(/^\/v1(?=\/)/, '');
    const { authorization, ...headers } = req.headers;
    const token = bearerToken(authorization);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      authorizedAs: undefined,
      body: parseJson(text),
      started: (this.events += 1),
    };
    this.requests.push(record);
    if (this.requests.length > MAX_RECORDED_REQUESTS) this.requests.splice(0, this.requests.length - MAX_RECORDED_REQUESTS);
    res.once('close', () => (record.ended = this.events += 1));
    // The fault is taken the moment the request is recorded: concurrent requests take them in the order they arrived.
    const fault = this.takeFault(req.method ?? 'GET', path, url.searchParams);
    const access = path.startsWith('/') ? await this.access(token, req.method ?? 'GET', path) : { status: 404, message: 'Service not found' };
    if (token !== undefined) record.authorizedAs = 'account' in access ? access.account.id : 'unknown token';

    if (fault !== undefined) {
      switch (fault.kind) {
        case 'hang':
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'status':
          return send(res, fault.status, fault.body ?? errorJson(fault.status, http.STATUS_CODES[fault.status] ?? 'Error'), fault.headers);
        case 'raw':
          res.writeHead(fault.status, { 'content-type': fault.contentType, ...fault.headers });
          res.end(fault.body);
          return;
        case 'truncate':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
          res.write('{"href":"https://api.spotify.com/v1/me/playlists","items":[{"id":"');
          setTimeout(() => req.socket.destroy(), 10);
          return;
        case 'trickle': {
          const text = JSON.stringify({ padding: ' '.repeat(4000) });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          let sent = 0;
          const drip = setInterval(() => {
            if (sent >= text.length || res.destroyed) return clearInterval(drip);
            res.write(text[sent]);
            sent += 1;
          }, fault.everyMs);
          res.on('close', () => clearInterval(drip));
          return;
        }
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          // Closed meanwhile (Ctrl-C during a slow answer): nobody is left to answer.
          if (!this.server.listening) return;
          break;
      }
    }
    const answer = 'account' in access ? this.route(req.method ?? 'GET', path, url.searchParams, access.account, parseJson(text)) : { status: access.status, body: errorJson(access.status, access.message) };
    send(res, answer.status, answer.body);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    account: AccountRecord,
    body: unknown,
  ): { status: number; body?: unknown } {
    const base = this.baseUrl;

    if (method === 'GET' && path === '/me') return { status: 200, body: privateUserJson(base, account) };

    if (method === 'GET' && path === '/me/playlists') {
      const limit = intParam(query, 'limit', 20);
      const offset = intParam(query, 'offset', 0);
      if (limit === undefined || limit < 1 || limit > 50) return { status: 400, body: errorJson(400, 'Invalid limit') };
      if (offset === undefined || offset < 0 || offset > 100_000) return { status: 400, body: errorJson(400, 'Invalid offset') };
      const items = account.playlists.slice(offset, offset + limit).map((playlist) => simplifiedPlaylistJson(base, playlist, account));
      return { status: 200, body: pagingJson(`${base}/me/playlists`, items, offset, limit, account.playlists.length) };
    }

    const playlistMatch = /^\/playlists\/([^/]+)(\/items)?$/.exec(path);
    if (method === 'GET' && playlistMatch) {
      const id = decodeSegment(playlistMatch[1]!);
      const playlist = account.playlists.find((candidate) => candidate.id === id);
      if (playlist === undefined) return { status: 404, body: errorJson(404, 'Resource not found') };
      if (playlistMatch[2] === undefined) return { status: 200, body: playlistJson(base, playlist, account) };
      const limit = intParam(query, 'limit', 20);
      const offset = intParam(query, 'offset', 0);
      if (limit === undefined || limit < 1 || limit > 50 || offset === undefined || offset < 0) {
        return { status: 400, body: errorJson(400, 'Invalid limit or offset') };
      }
      return { status: 200, body: playlistItemsPage(base, playlist, offset, limit) };
    }

    if (method === 'GET' && path === '/me/player/devices') {
      return { status: 200, body: { devices: account.devices.map(deviceJson) } };
    }

    if (method === 'PUT' && path === '/me/player/play') return this.play(account, query.get('device_id') ?? undefined, body);

    return NOT_FOUND();
  }

  private play(account: AccountRecord, deviceId: string | undefined, body: unknown): { status: number; body?: unknown } {
    if (!account.premium) return { status: 403, body: errorJson(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED') };
    const contextUri = (body as { context_uri?: unknown } | undefined)?.context_uri;
    if (contextUri !== undefined && (typeof contextUri !== 'string' || !account.playlists.some((p) => playlistUri(p.id) === contextUri))) {
      return { status: 400, body: errorJson(400, 'Invalid context uri') };
    }
    const target =
      deviceId === undefined ? account.devices.find((device) => device.isActive) : account.devices.find((device) => device.id === deviceId);
    if (target === undefined) {
      return deviceId === undefined
        ? { status: 404, body: errorJson(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE') }
        : { status: 404, body: errorJson(404, 'Device not found') };
    }
    if (target.isRestricted) return { status: 403, body: errorJson(403, 'Player command failed: Restriction violated', 'UNKNOWN') };
    for (const device of account.devices) device.isActive = device === target;
    account.playback = { deviceId: target.id, contextUri: typeof contextUri === 'string' ? contextUri : account.playback.contextUri, isPlaying: true };
    return { status: 204 };
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
}

/** The stand-in's own rule: each token in `accounts` reaches its account, for every call. */
function staticTokens(accounts: Record<string, AccountRecord>): AccessCheck {
  return async (token) => {
    if (token === undefined) return { status: 401, message: 'No token provided' };
    const account = accounts[token];
    return account === undefined ? { status: 401, message: 'Invalid access token' } : { account };
  };
}

/** A path segment as text; malformed escapes (`%E0%A4%A`) name no playlist rather than failing. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function intParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers?: Record<string, string>): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
