import { startDemoSpotify, type DemoSpotify } from '../../local/spotify/demoSpotify';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { MAX_RECORDED_REQUESTS } from '../../local/spotify/standIn';
import { rawStatusLine } from '../support/rawHttp';

describe('the demo Spotify under odd input', () => {
  let demo: DemoSpotify;
  beforeAll(async () => {
    demo = await startDemoSpotify('127.0.0.1', 0);
  });
  afterAll(() => demo.close());

  const get = (path: string, token = DEMO_ACCESS_TOKEN) => fetch(`${demo.standIn.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('answers a playlist id with a broken percent escape with 404, as a playlist it does not have', async () => {
    const response = await get('/playlists/%E0%A4%A');

    expect(response.status).toBe(404);
    await expect(response.json()).resolves.toEqual({ error: { status: 404, message: 'Resource not found' } });
  });

  it('answers a request target that is not a URL with 400 and keeps serving', async () => {
    expect(await rawStatusLine(demo.standIn.origin, 'GET http://[ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect((await get('/me')).status).toBe(200);
  });

  it('answers only the tokens it issued', async () => {
    expect((await get('/me', 'a-token-it-never-issued')).status).toBe(401);
  });
});

describe('what the demo Spotify keeps', () => {
  let demo: DemoSpotify;
  beforeAll(async () => {
    demo = await startDemoSpotify('127.0.0.1', 0);
  });
  afterEach(() => demo.standIn.reset());
  afterAll(() => demo.close());

  const get = (token: string) => fetch(`${demo.standIn.baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });

  it('records whom each request was for, never its Authorization header', async () => {
    await get(DEMO_ACCESS_TOKEN);
    await get('a-token-it-never-issued');
    await fetch(`${demo.standIn.baseUrl}/me`);

    expect(demo.standIn.requests.map((request) => request.authorizedAs)).toEqual(['demo-user', 'unknown token', undefined]);
    expect(JSON.stringify(demo.standIn.requests)).not.toMatch(/authorization|demo-access-token|a-token-it-never-issued/i);
  });

  it(`remembers only the last ${MAX_RECORDED_REQUESTS} requests`, async () => {
    for (let index = 0; index < MAX_RECORDED_REQUESTS + 20; index += 1) {
      await fetch(`${demo.standIn.baseUrl}/me?n=${index}`, { headers: { authorization: `Bearer ${DEMO_ACCESS_TOKEN}` } });
    }

    expect(demo.standIn.requests).toHaveLength(MAX_RECORDED_REQUESTS);
    expect(demo.standIn.requests.at(-1)?.query).toEqual({ n: String(MAX_RECORDED_REQUESTS + 19) });
  });

  it('keeps one rule per fault: switching a fault on again replaces it', () => {
    demo.faults.switchOn('slow', { ms: 900 });
    demo.faults.switchOn('500');
    demo.faults.switchOn('slow', { ms: 10 });
    demo.faults.switchOn('slow', { ms: 20 });

    expect(demo.faults.active).toEqual([expect.objectContaining({ name: '500' }), expect.objectContaining({ name: 'slow', ms: 20 })]);
    expect(demo.standIn.faultRuleCount).toBe(2);
    demo.faults.clear();
    expect(demo.standIn.faultRuleCount).toBe(0);
  });
});
