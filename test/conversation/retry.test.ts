import type { ResponseEnvelope } from 'ask-sdk-model';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { Fault } from '../../local/spotify/standIn';
import { intentRequest, launchRequest } from '../support/envelopes';
import { endsSession, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const TRY_AGAIN = "Sorry, I couldn't reach Spotify just now. Want me to try again?";
const DOWN: Fault = { kind: 'status', status: 503 };

describe('"want me to try again?" after Spotify failed', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const say = (intent: string, slots: Record<string, string> = {}, previous?: ResponseEnvelope) =>
    harness.ask(intentRequest(intent, slots, { accessToken: DEMO_ACCESS_TOKEN, ...(previous && { attributes: previous.sessionAttributes ?? {} }) }));
  /** The client retries a 5xx once, so two failures make the request fail. */
  const failNext = (path: string | RegExp) => harness.spotify.inject({ path, fault: DOWN, times: 2 });

  it('repeats the failed answer to "which one?" on "yes", with the choices it had', async () => {
    const question = await say('PlayPlaylistIntent', { playlist: 'deep' });
    failNext('/me/player/devices');
    const failed = await say('PlayPlaylistIntent', { playlist: 'the second one' }, question);
    expect(spokenText(failed)).toBe(TRY_AGAIN);
    expect(endsSession(failed)).toBe(false);

    const retried = await say('AMAZON.YesIntent', {}, failed);

    expect(spokenText(retried)).toBe('Playing Deep House on Kitchen Echo.');
    expect(retried.sessionAttributes?.retry).toBeUndefined();
  });

  it('opens the skill again on "yes" when opening it failed', async () => {
    failNext('/me/playlists');
    const failed = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));
    expect(spokenText(failed)).toBe(TRY_AGAIN);

    const retried = await say('AMAZON.YesIntent', {}, failed);

    expect(spokenText(retried)).toMatch(/^Welcome to Playlist Pal\. You have 30 playlists\./);
  });

  it('reads the next page on "yes" when "want to hear more?" met a busy Spotify', async () => {
    const first = await say('ListPlaylistsIntent');
    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } } });
    const failed = await say('AMAZON.YesIntent', {}, first);
    expect(spokenText(failed)).toBe('Spotify is busy right now. Want me to try again?');

    const retried = await say('AMAZON.YesIntent', {}, failed);

    expect(spokenText(retried)).toMatch(/^Here are the next ones: Deep House,/);
    expect(harness.spotify.requests.at(-1)?.query).toMatchObject({ offset: '5' });
  });

  it('closes on "no", and forgets the offer once the user says anything else', async () => {
    failNext('/me/playlists');
    const failed = await say('ListPlaylistsIntent');

    const no = await say('AMAZON.NoIntent', {}, failed);
    expect(spokenText(no)).toBe('Okay. Enjoy your music.');
    expect(endsSession(no)).toBe(true);

    const help = await say('AMAZON.HelpIntent', {}, failed);
    expect(help.sessionAttributes?.retry).toBeUndefined();
    const yes = await say('AMAZON.YesIntent', {}, help);
    expect(spokenText(yes)).toMatch(/^There's nothing to continue right now\./);
  });

  it('offers to try again as often as Spotify keeps failing', async () => {
    failNext('/me/playlists');
    const failed = await say('ListPlaylistsIntent');
    failNext('/me/playlists');
    const failedAgain = await say('AMAZON.YesIntent', {}, failed);
    expect(spokenText(failedAgain)).toBe(TRY_AGAIN);

    const retried = await say('AMAZON.YesIntent', {}, failedAgain);

    expect(spokenText(retried)).toMatch(/^You have 30 playlists\./);
  });

  it.each([
    ['an intent name no model has', { intent: '../../etc', slots: {} }],
    ['too many slots', { intent: 'PlayPlaylistIntent', slots: Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`s${index}`, 'x'])) }],
    ['an overlong slot value', { intent: 'PlayPlaylistIntent', slots: { playlist: 'x'.repeat(5_000) } }],
    ['a slot value that is not text', { intent: 'PlayPlaylistIntent', slots: { playlist: { evil: true } } }],
  ])('ignores a remembered request with %s', async (_, retry) => {
    const response = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: { retry } }));

    expect(spokenText(response)).toMatch(/^There's nothing to continue right now\./);
    expect(harness.spotify.requests).toEqual([]);
  });
});
