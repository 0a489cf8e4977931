import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest } from '../support/envelopes';
import { cardType, endsSession, repromptText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const WHAT_IT_DOES = 'you can say, list my playlists, tell me about my workout playlist, or play my chill playlist.';

describe('help', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const help = (accessToken: string | null) => harness.ask(intentRequest('AMAZON.HelpIntent', {}, { accessToken }));

  it('tells an unlinked user first that Spotify needs linking in the Alexa app, sends the card, then says what the skill does', async () => {
    const response = await help(null);
    const [first] = spokenText(response).split('. ');

    expect(first).toBe('Playlist Pal needs your Spotify account first');
    expect(spokenText(response)).toMatch(/I've sent a card to the Alexa app on your phone, where you can link Spotify\./);
    expect(spokenText(response)).toContain(WHAT_IT_DOES);
    expect(cardType(response)).toBe('LinkAccount');
    expect(repromptText(response)).toMatch(/linked Spotify in the Alexa app/);
    expect(endsSession(response)).toBe(false);
    expect(harness.spotify.requests).toEqual([]);
  });

  it('tells a linked user what the skill does, with no card and no word of linking', async () => {
    const response = await help(DEMO_ACCESS_TOKEN);

    expect(spokenText(response)).toBe('Playlist Pal plays your Spotify playlists. You can say, list my playlists, tell me about my workout playlist, or play my chill playlist. What would you like?');
    expect(spokenText(response)).not.toMatch(/\blink/i);
    expect(cardType(response)).toBeUndefined();
    expect(endsSession(response)).toBe(false);
    expect(harness.spotify.requests).toEqual([]);
  });
});
