import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest } from '../support/envelopes';
import { endsSession, repromptText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const NOTHING_PENDING = "There's nothing to continue right now. You can say, list my playlists, or play a playlist by name. What would you like?";

describe('"yes" or "next" when nothing was offered or listed', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it.each([
    ['yes', 'AMAZON.YesIntent', DEMO_ACCESS_TOKEN],
    ['next', 'AMAZON.NextIntent', DEMO_ACCESS_TOKEN],
    ['yes, unlinked', 'AMAZON.YesIntent', null],
    ['next, unlinked', 'AMAZON.NextIntent', null],
  ])('answers "%s" with what there is to say instead of "I didn\'t get that", and keeps listening', async (_, intent, accessToken) => {
    const response = await harness.ask(intentRequest(intent, {}, { accessToken }));

    expect(spokenText(response)).toBe(NOTHING_PENDING);
    expect(repromptText(response)).toBe('You can say, list my playlists, or help. What would you like?');
    expect(endsSession(response)).toBe(false);
    expect(harness.spotify.requests).toEqual([]);
  });

  it('says the same in a session whose last question was already answered', async () => {
    const listed = await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));
    const declined = await harness.ask(intentRequest('AMAZON.NoIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: listed.sessionAttributes ?? {} }));
    const help = await harness.ask(intentRequest('AMAZON.HelpIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: listed.sessionAttributes ?? {} }));
    const afterHelp = await harness.ask(intentRequest('AMAZON.NextIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: help.sessionAttributes ?? {} }));

    expect(endsSession(declined)).toBe(true);
    expect(spokenText(afterHelp)).toBe(NOTHING_PENDING);
  });
});
