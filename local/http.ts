import type http from 'node:http';

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** The raw body as text: the signature covers these exact bytes, so nothing may re-serialise it. */
export function readBody(req: http.IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new BodyTooLarge(`the body is larger than ${limitBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A refusal: a 4xx with a short reason a developer can act on. */
export function refuse(res: http.ServerResponse, status: number, reason: string): void {
  sendJson(res, status, { error: reason });
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    what: string,
  ) {
    super(
      `Port ${port} is already in use, so ${what} cannot start. Stop whatever is using it ` +
        `(another npm start?), or pick other ports: PORT=${port === 65535 ? 3000 : port + 10} npm start`,
    );
  }
}

/** Turns "listen EADDRINUSE" into a sentence that says what to do. */
export function explainListenError(error: unknown, port: number, what: string): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ? new PortInUseError(port, what) : error;
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
