import type http from 'node:http';
import { runLine } from '../../local/simulator/commands';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';
import { rawRequest } from '../support/rawRequest';

/** A request with headers a browser or a rebinding attacker would send, its JSON answer parsed. */
async function send(url: string, method: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<{ status: number; json: unknown }> {
  const { status, text } = await rawRequest(url, method, headers, body);
  return { status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const FAULT = JSON.stringify({ fault: '500' });

describe('the admin routes on a loopback HOST', () => {
  let local: TestRuntime;
  let faults: string;
  let host: string;
  beforeAll(async () => {
    local = await startTestRuntime();
    faults = local.runtime.urls.admin;
    host = new URL(faults).host;
  });
  afterEach(() => local.runtime.demo.faults.clear());
  afterAll(() => local.close());

  it('switch a fault on for a JSON POST from this machine, with or without a same-origin Origin', async () => {
    expect((await send(faults, 'POST', { 'content-type': 'application/json' }, FAULT)).status).toBe(201);
    expect((await send(faults, 'POST', { 'content-type': 'application/json; charset=utf-8', origin: `http://${host}` }, FAULT)).status).toBe(201);
    expect((await send(faults, 'POST', { 'content-type': 'application/json', host: `localhost:${new URL(faults).port}` }, FAULT)).status).toBe(201);
  });

  it.each([
    ['text/plain, as a cross-site form may send', { 'content-type': 'text/plain' }],
    ['application/x-www-form-urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type at all', {}],
  ])('refuse a POST with %s, and switch nothing on', async (_, headers) => {
    const answer = await send(faults, 'POST', headers, FAULT);

    expect(answer).toEqual({ status: 415, json: { error: expect.stringMatching(/application\/json/) } });
    expect(local.runtime.demo.faults.active).toEqual([]);
  });

  it.each([
    ['a POST', 'POST', { 'content-type': 'application/json' }, FAULT],
    ['a read of the demo state', 'GET', {}, undefined],
  ])('refuse %s from a page on another origin', async (_, method, headers, body) => {
    const answer = await send(method === 'GET' ? local.runtime.urls.admin.replace('/faults', '/state') : faults, method, { ...headers, origin: 'https://evil.example' }, body);

    expect(answer).toEqual({ status: 403, json: { error: expect.stringMatching(/another origin/) } });
    expect(local.runtime.demo.faults.active).toEqual([]);
  });

  it('refuse an Origin of "null", as a sandboxed page sends', async () => {
    expect((await send(faults, 'POST', { 'content-type': 'application/json', origin: 'null' }, FAULT)).status).toBe(403);
  });

  it('show what the listener table remembers in the demo state to this machine, and to a rebinding page nothing', async () => {
    await runLine('play morning run', await local.simulator());
    const state = `${local.runtime.urls.admin.replace('/faults', '/state')}`;

    const own = await send(state, 'GET', {});
    const rebound = await send(state, 'GET', { host: 'evil.example' });

    expect(own).toMatchObject({ status: 200, json: { remembered: [expect.objectContaining({ attributes: expect.objectContaining({ lastPlaylist: expect.anything() }) })] } });
    expect(rebound.status).toBe(403);
    expect(JSON.stringify(rebound.json)).not.toContain('remembered');
  });

  it.each([['a foreign name, as after DNS rebinding', 'evil.example'], ['a LAN address', '192.168.1.5:3000']])(
    'refuse a Host header with %s',
    async (_, hostHeader) => {
      const answer = await send(faults, 'GET', { host: hostHeader });

      expect(answer).toEqual({ status: 403, json: { error: expect.stringMatching(/loopback Host/) } });
    },
  );
});

describe('the admin routes on a HOST other than loopback', () => {
  it('are off unless EXPOSE_ADMIN_ROUTES=on, and the demo Spotify stays on loopback', async () => {
    const local = await startTestRuntime({ local: { host: '0.0.0.0' } });
    try {
      const port = new URL(local.runtime.urls.alexa).port;

      const answer = await send(`http://127.0.0.1:${port}/admin/faults`, 'GET', {});

      expect(answer).toEqual({ status: 404, json: { error: expect.stringMatching(/admin routes and the web simulator are off.*EXPOSE_ADMIN_ROUTES=on/) } });
      expect(local.runtime.adminAccess.enabled).toBe(false);
      // The web simulator drives the run as /admin/… does: the same guard keeps it off.
      expect((await send(`http://127.0.0.1:${port}/`, 'GET', {})).status).toBe(404);
      expect((await send(`http://127.0.0.1:${port}/simulator/api/state`, 'GET', {})).status).toBe(404);
      expect(new URL(local.runtime.urls.spotify).hostname).toBe('127.0.0.1');
      expect(new URL(local.runtime.urls.authorize).hostname).toBe('127.0.0.1');
    } finally {
      await local.close();
    }
  });

  it('answer any Host once switched on explicitly, still only to JSON and never to a foreign Origin', async () => {
    const local = await startTestRuntime({ local: { host: '0.0.0.0', exposeAdmin: true } });
    try {
      const url = `http://127.0.0.1:${new URL(local.runtime.urls.alexa).port}/admin/faults`;

      expect((await send(url, 'POST', { 'content-type': 'application/json', host: '192.168.1.5:3000' }, FAULT)).status).toBe(201);
      expect((await send(url, 'POST', { 'content-type': 'text/plain', host: '192.168.1.5:3000' }, FAULT)).status).toBe(415);
      expect((await send(url, 'GET', { host: '192.168.1.5:3000', origin: 'https://evil.example' })).status).toBe(403);
      expect(local.runtime.adminAccess.enabled).toBe(true);
      expect((await send(url.replace('/admin/faults', '/'), 'GET', { host: '192.168.1.5:3000', accept: 'application/json' })).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
