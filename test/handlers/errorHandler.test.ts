import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest } from '../support/envelopes';
import { cardType, endsSession, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const list = () => intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });

describe('the error handler', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it.each([
    ['Spotify keeps failing with 500', { kind: 'status', status: 500 } as const, /couldn't reach Spotify just now/],
    ['Spotify answers with an HTML page', { kind: 'raw', status: 200, contentType: 'text/html', body: '<html>oops</html>' } as const, /couldn't reach Spotify just now/],
    ['Spotify is rate limiting for a long time', { kind: 'status', status: 429, headers: { 'retry-after': '30' } } as const, /Spotify is busy/],
    ['Spotify says 403 for another reason', { kind: 'status', status: 403 } as const, /didn't allow that/],
  ])('speaks a useful sentence when %s, without a card', async (_, fault, expected) => {
    harness.spotify.inject({ path: '/me/playlists', fault, times: 2 });

    const response = await harness.ask(list());

    expect(spokenText(response)).toMatch(expected);
    expect(cardType(response)).toBeUndefined();
    expect(endsSession(response)).toBe(true);
  });

  it('recovers from one 500 by retrying once', async () => {
    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 500 } });

    const response = await harness.ask(list());

    expect(spokenText(response)).toMatch(/^You have 30 playlists/);
    expect(harness.spotify.requests).toHaveLength(2);
  });
});
