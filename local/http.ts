import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

function readBody(req: http.IncomingMessage, limitBytes: number): Promise<string> {
  if (Number(req.headers['content-length']) > limitBytes) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      // Keep reading and dropping what comes: a socket closed on unread bytes is reset, and the 413 lost with it.
      req.off('data', keep);
      req.resume();
      reject(new BodyTooLarge());
    };
    req.on('data', keep);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The raw body as text, or undefined once the request has been refused: 413 when it is larger
 * than `limitBytes`, 400 when it broke off. Signatures cover these exact bytes, so nothing may
 * re-serialise them.
 */
export async function readBodyOrRefuse(req: http.IncomingMessage, res: http.ServerResponse, limitBytes: number): Promise<string | undefined> {
  try {
    return await readBody(req, limitBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) refuse(res, 413, `the body is larger than ${limitBytes} bytes`, { connection: 'close' });
    else refuse(res, 400, 'the request body could not be read');
    return undefined;
  }
}

/** The request's path, or undefined when its target is not a URL at all (`GET http://[`). */
export function requestPath(req: http.IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://local').pathname;
  } catch {
    return undefined;
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A refusal: a 4xx with a short reason a developer can act on. */
export function refuse(res: http.ServerResponse, status: number, reason: string, headers?: http.OutgoingHttpHeaders): void {
  sendJson(res, status, { error: reason }, headers);
}

/** A server of the local run could not listen; the message says why and what to do, in one sentence. */
export class ListenError extends Error {
  override readonly name: string = 'ListenError';
}

export class PortInUseError extends ListenError {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    what: string,
  ) {
    // Any other number may be taken too; PORT=0 lets the system pick ports that are free.
    super(`Port ${port} is already in use, so ${what} cannot start. Stop whatever is using it (another npm start?), or let the system pick free ports: PORT=0 npm start`);
  }
}

/** HOST names no address of this machine: a name that does not resolve, or another machine's address. Every server of the run would fail alike. */
export class ListenAddressError extends ListenError {
  override readonly name = 'ListenAddressError';
  constructor(
    readonly host: string,
    unresolved: boolean,
  ) {
    super(
      `HOST=${host} is ${unresolved ? 'not a name or address this machine can resolve' : 'not an address of this machine'}: ` +
        'leave HOST unset for 127.0.0.1, or set it to one of this machine\'s addresses.',
    );
  }
}

const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** Turns a failed listen (port taken, port not allowed, bad HOST) into a sentence that says what to do. */
export function explainListenError(error: unknown, port: number, what: string): unknown {
  const failure = error as (NodeJS.ErrnoException & { address?: string; hostname?: string }) | undefined;
  const code = failure?.code ?? '';
  if (code === 'EADDRINUSE') return new PortInUseError(port, what);
  if (code === 'EACCES') return new ListenError(`Port ${port} needs administrator rights on this machine, so ${what} cannot start. Pick one above 1023, or let the system pick free ports: PORT=0 npm start`);
  if (UNRESOLVED.has(code)) return new ListenAddressError(failure?.hostname ?? '', true);
  if (code === 'EADDRNOTAVAIL') return new ListenAddressError(failure?.address ?? '', false);
  return error;
}

/** `http://host:port` of a listening server, an IPv6 address in brackets. */
export function serverOrigin(server: http.Server): string {
  const address = server.address() as AddressInfo;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

export function listen(server: http.Server, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown) => reject(explainListenError(error, port, what));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Limits for a server that may sit behind a public tunnel: a client that sends its headers or
 * body a byte at a time is cut off after a few seconds (Node answers 408), idle keep-alive
 * sockets are closed, and only so many connections are held at once (Alexa sends a handful).
 */
export interface ServerLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** How often Node looks for requests past those timeouts (its default, 30 s, would let them run 30 s late). */
  readonly checkIntervalMs: number;
  readonly maxConnections: number;
}

export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxConnections: 64,
};

export function createLocalServer(limits: ServerLimits = SERVER_LIMITS): http.Server {
  const server = http.createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  });
  server.maxConnections = limits.maxConnections;
  // A socket that opens and then says nothing is not waiting for an answer.
  server.setTimeout(limits.requestTimeoutMs, (socket) => socket.destroy());
  return server;
}

/** Whether `host` (a HOST setting or a Host header's name) is this machine only: localhost, 127.x.x.x or ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
}
