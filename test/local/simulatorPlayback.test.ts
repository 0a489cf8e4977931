import { cardType, spokenText } from '../support/responses';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

/* The whole happy path a newcomer tries first, typed as they would type it. */
describe('the simulator through a whole conversation: link, list, more, play, details', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('links, lists, hears more, starts Morning Run on a demo device, then describes it', async () => {
    const simulator = await local.simulator({ linked: false });
    expect(cardType((await simulator.launch()).response)).toBe('LinkAccount');
    expect((await simulator.linking!.link(simulator.userId)).linked).toBe(true);
    expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/^You have 30 playlists/);
    expect(spokenText((await simulator.say('yes')).response)).toMatch(/^Here are the next ones/);

    const play = await simulator.say('play my morning run playlist');
    expect(play.resolution).toMatchObject({ name: 'PlayPlaylistIntent', slots: { playlist: 'morning run' } });
    expect(spokenText(play.response)).toContain('Morning Run');
    expect(local.runtime.demo.account.playback).toEqual({
      deviceId: expect.any(String),
      contextUri: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M',
      isPlaying: true,
    });

    const details = await simulator.say('tell me about morning run');
    expect(details.resolution).toMatchObject({ name: 'PlaylistDetailsIntent', slots: { playlist: 'morning run' } });
    expect(spokenText(details.response)).toMatch(/Morning Run.*42/);
  });

  it('plays the third name just listed on "play the third one", as in `npm run simulate -- "list my playlists" "play the third one"`', async () => {
    const simulator = await local.simulator();
    expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/Here are the first 5: Morning Run, Rock & Roll <Live>, Chill "Vibes", /);

    const play = await simulator.say('play the third one');

    expect(play.resolution).toMatchObject({ name: 'PlayPlaylistIntent', slots: { playlist: 'the third one' } });
    expect(spokenText(play.response)).toBe('Playing Chill "Vibes" on Kitchen Echo.');
    expect(local.runtime.demo.account.playback.contextUri).toBe('spotify:playlist:2b3c4d5e6f7g8h9i0j1kCV');
  });
});
