import type * as Spotify from '../../lambda/spotify';
import { manualClock, startClientFixture } from '../support/spotifyClient';

describe('the first Spotify call in a fresh container', () => {
  it('counts loading axios and the schemas against the budget, and starts no call once it is spent', async () => {
    const clock = manualClock();
    let spotify: typeof Spotify | undefined;
    jest.isolateModules(() => {
      // Loading the schemas is made to take 700 of the 800 ms, as a slow cold start might.
      jest.doMock('../../lambda/spotify/schemas', () => {
        clock.advance(700);
        return jest.requireActual('../../lambda/spotify/schemas');
      });
      spotify = jest.requireActual<typeof Spotify>('../../lambda/spotify');
    });
    const fixture = await startClientFixture();
    try {
      const client = new spotify!.SpotifyClient({ baseUrl: fixture.spotify.baseUrl, callTimeoutMs: 400 });
      const api = client.forUser(() => 'any-token', spotify!.Deadline.after(800, undefined, clock.now));

      const failure = api.users.currentProfile();

      await expect(failure).rejects.toBeInstanceOf(spotify!.Timeout);
      await expect(failure).rejects.toThrow(/no time left/);
      expect(fixture.spotify.requests).toHaveLength(0);
    } finally {
      await fixture.close();
    }
  });
});
