import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The whole request body as bytes (skill packages and code zips are binary). */
export function readBuffer(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type Handler = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void;

/** One stand-in on a free loopback port; `url` is its base URL. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveOnLoopback(handler: Handler): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    readBuffer(req).then((body) => handler(req, body, res)).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`stand-in failed: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
}

export function sendXml(res: http.ServerResponse, status: number, xml: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'text/xml', ...headers }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A stand-in served on a free loopback port while the rehearsal runs; subclasses answer the requests. */
export abstract class LoopbackService {
  private server: RunningServer | undefined;

  get url(): string {
    if (this.server === undefined) throw new Error(`${this.constructor.name} is not started`);
    return this.server.url;
  }

  async start(): Promise<void> {
    this.server = await serveOnLoopback((req, body, res) => this.handle(req, body, res));
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  protected abstract handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void;
}
