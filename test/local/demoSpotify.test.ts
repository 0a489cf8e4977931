import { startDemoSpotify, type DemoSpotify } from '../../local/spotify/demoSpotify';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
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
