import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminAccess, guardAdmin, type AdminAccess } from '../../local/adminGuard';

/*
 * The one guard every control route of the local run wraps itself in (the admin routes today, a
 * web page later): tried here on a route of its own, as a new route would use it.
 */

async function serve(access: AdminAccess): Promise<{ url: string; reached: () => number; close: () => Promise<void> }> {
  let reached = 0;
  const server = http.createServer(
    guardAdmin(access, (_req, res) => {
      reached += 1;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the page</p>');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`,
    reached: () => reached,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(url: string, method: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('who may use the control routes', () => {
  it.each([
    ['127.0.0.1', false, { enabled: true, exposed: false }],
    ['localhost', false, { enabled: true, exposed: false }],
    ['::1', true, { enabled: true, exposed: false }],
    ['0.0.0.0', false, { enabled: false, exposed: false }],
    ['0.0.0.0', true, { enabled: true, exposed: true }],
    ['192.168.1.5', true, { enabled: true, exposed: true }],
  ])('HOST=%s with EXPOSE_ADMIN_ROUTES %s is %j', (host, exposeAdmin, access) => {
    expect(adminAccess({ host, exposeAdmin })).toEqual(access);
  });
});

describe('a route wrapped in the guard', () => {
  it('is answered for a page read from this machine, with or without its own Origin', async () => {
    const route = await serve({ enabled: true, exposed: false });
    try {
      const port = new URL(route.url).port;
      expect((await send(route.url, 'GET', {})).status).toBe(200);
      expect((await send(route.url, 'GET', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
      expect((await send(route.url, 'POST', { 'content-type': 'application/json' }, '{}')).status).toBe(200);
      expect(route.reached()).toBe(3);
    } finally {
      await route.close();
    }
  });

  it.each([
    ['a foreign Host, as after DNS rebinding', 'GET', { host: 'evil.example' }, 403, /loopback Host/],
    ['a foreign Origin', 'GET', { origin: 'https://evil.example' }, 403, /another origin/],
    ['an Origin of "null"', 'GET', { origin: 'null' }, 403, /another origin/],
    ['a text/plain POST, as a cross-site form sends', 'POST', { 'content-type': 'text/plain' }, 415, /application\/json/],
    ['a PUT without a content type', 'PUT', {}, 415, /application\/json/],
  ])('refuses %s without reaching the route', async (_, method, headers, status, reason) => {
    const route = await serve({ enabled: true, exposed: false });
    try {
      const answer = await send(route.url, method, headers, method === 'GET' ? undefined : '{}');

      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(reason) });
      expect(route.reached()).toBe(0);
    } finally {
      await route.close();
    }
  });

  it('is off, saying how to switch it on, on a non-loopback HOST without EXPOSE_ADMIN_ROUTES=on', async () => {
    const route = await serve(adminAccess({ host: '0.0.0.0', exposeAdmin: false }));
    try {
      const answer = await send(route.url, 'GET', {});

      expect(answer.status).toBe(404);
      expect(answer.text).toMatch(/EXPOSE_ADMIN_ROUTES=on/);
      expect(route.reached()).toBe(0);
    } finally {
      await route.close();
    }
  });

  it('answers any Host once exposed on purpose, still never a foreign Origin', async () => {
    const route = await serve(adminAccess({ host: '0.0.0.0', exposeAdmin: true }));
    try {
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000' })).status).toBe(200);
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000', origin: 'http://192.168.1.5:3000' })).status).toBe(200);
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000', origin: 'https://evil.example' })).status).toBe(403);
    } finally {
      await route.close();
    }
  });
});
