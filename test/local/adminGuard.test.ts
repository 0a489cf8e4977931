import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminAccess, guardAdmin, type AdminAccess } from '../../local/adminGuard';
import { rawRequest as send } from '../support/rawRequest';

/*
 * The one guard every control route of the local run wraps itself in (the admin routes today, a
 * web page later): tried here on a route of its own, as a new route would use it.
 */

type Route = { url: string; reached: () => number; close: () => Promise<void> };

async function serve(access: AdminAccess): Promise<Route> {
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

/** Runs `test` against a fresh guarded route, closing it whatever happens. */
async function withRoute(access: AdminAccess, test: (route: Route) => Promise<void>): Promise<void> {
  const route = await serve(access);
  try {
    await test(route);
  } finally {
    await route.close();
  }
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
    await withRoute({ enabled: true, exposed: false }, async (route) => {
      const port = new URL(route.url).port;
      expect((await send(route.url, 'GET', {})).status).toBe(200);
      expect((await send(route.url, 'GET', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
      expect((await send(route.url, 'POST', { 'content-type': 'application/json' }, '{}')).status).toBe(200);
      expect(route.reached()).toBe(3);
    });
  });

  it.each([
    ['a foreign Host, as after DNS rebinding', 'GET', { host: 'evil.example' }, 403, /loopback Host/],
    ['a foreign Origin', 'GET', { origin: 'https://evil.example' }, 403, /another origin/],
    ['an Origin of "null"', 'GET', { origin: 'null' }, 403, /another origin/],
    ['a text/plain POST, as a cross-site form sends', 'POST', { 'content-type': 'text/plain' }, 415, /application\/json/],
    ['a PUT without a content type', 'PUT', {}, 415, /application\/json/],
  ])('refuses %s without reaching the route', async (_, method, headers, status, reason) => {
    await withRoute({ enabled: true, exposed: false }, async (route) => {
      const answer = await send(route.url, method, headers, method === 'GET' ? undefined : '{}');

      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(reason) });
      expect(route.reached()).toBe(0);
    });
  });

  it('is off, saying how to switch it on, on a non-loopback HOST without EXPOSE_ADMIN_ROUTES=on', async () => {
    await withRoute(adminAccess({ host: '0.0.0.0', exposeAdmin: false }), async (route) => {
      const answer = await send(route.url, 'GET', {});

      expect(answer.status).toBe(404);
      expect(answer.text).toMatch(/EXPOSE_ADMIN_ROUTES=on/);
      expect(route.reached()).toBe(0);
    });
  });

  it('answers any Host once exposed on purpose, still never a foreign Origin', async () => {
    await withRoute(adminAccess({ host: '0.0.0.0', exposeAdmin: true }), async (route) => {
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000' })).status).toBe(200);
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000', origin: 'http://192.168.1.5:3000' })).status).toBe(200);
      expect((await send(route.url, 'GET', { host: '192.168.1.5:3000', origin: 'https://evil.example' })).status).toBe(403);
    });
  });
});
