import net from 'node:net';
import { createLocalServer, isLoopbackHost, SERVER_LIMITS, type ServerLimits } from '../../local/http';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

/** Short limits, so that the tests see them act in well under a second each. */
const SHORT: ServerLimits = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, checkIntervalMs: 50, maxConnections: 5 };

interface RawClient {
  readonly socket: net.Socket;
  /** Everything the server sent, and whether it has closed the connection. */
  readonly received: () => string;
  readonly closed: Promise<void>;
}

function connect(origin: string): Promise<RawClient> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = net.connect(Number(port), hostname, () => resolve({ socket, received: () => text, closed }));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
    socket.on('error', reject);
  });
}

/** Writes `text` one character every `everyMs`, as a slow or hostile client would, until the socket closes. */
function trickle(client: RawClient, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (at >= text.length || client.socket.destroyed) return clearInterval(timer);
    client.socket.write(text[at]!);
    at += 1;
  }, everyMs);
  void client.closed.then(() => clearInterval(timer));
}

describe('the local endpoint behind a tunnel', () => {
  let local: TestRuntime;
  let origin: string;
  beforeAll(async () => {
    local = await startTestRuntime({ local: { verify: false }, serverLimits: SHORT });
    origin = new URL(local.runtime.urls.alexa).origin;
  });
  afterAll(() => local.close());

  it('cuts off a client that sends its headers a byte at a time', async () => {
    const client = await connect(origin);
    trickle(client, `POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X-Slow: y\r\n'.repeat(100)}`, 30);

    await client.closed;

    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a client that sends its body a byte at a time', async () => {
    const client = await connect(origin);
    client.socket.write('POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    trickle(client, ' '.repeat(1000), 30);

    await client.closed;

    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that never says anything', async () => {
    const client = await connect(origin);

    await client.closed;

    expect(client.socket.destroyed).toBe(true);
    expect(client.received()).not.toMatch(/ 200 /);
  });

});

describe('the connection cap', () => {
  it('holds no more than its cap of connections at once, closing the rest as they arrive, and serves again once they are gone', async () => {
    // Timeouts far longer than the test, so that only the cap can close a connection here.
    const capped = await startTestRuntime({ local: { verify: false }, serverLimits: { ...SERVER_LIMITS, maxConnections: 5 } });
    try {
      const origin = new URL(capped.runtime.urls.alexa).origin;
      const clients = await Promise.all(Array.from({ length: 8 }, () => connect(origin)));
      const closedWithin = (ms: number) =>
        Promise.all(clients.map((client) => Promise.race([client.closed.then(() => 1), new Promise<number>((resolve) => setTimeout(() => resolve(0), ms))])));

      const closed = await closedWithin(1000);

      expect(closed.reduce((sum, one) => sum + one, 0)).toBe(3);
      clients.forEach((client) => client.socket.destroy());
      await Promise.all(clients.map((client) => client.closed));
      expect((await capped.admin('GET', '/admin/faults')).status).toBe(200);
    } finally {
      await capped.close();
    }
  });
});

describe('the endpoint server', () => {
  it('has timeouts of a few seconds, a keep-alive timeout and a connection cap by default', () => {
    const server = createLocalServer();

    expect(server.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeoutMs);
    expect(server.maxConnections).toBe(SERVER_LIMITS.maxConnections);
    expect(server.timeout).toBe(SERVER_LIMITS.requestTimeoutMs);
    expect(Math.max(SERVER_LIMITS.headersTimeoutMs, SERVER_LIMITS.requestTimeoutMs, SERVER_LIMITS.keepAliveTimeoutMs)).toBeLessThanOrEqual(10_000);
  });
});

describe('a loopback host', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])('is %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.5', 'localhost.evil.example', 'evil.example', '127.0.0.1.evil.example', ''])('is not %j', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
