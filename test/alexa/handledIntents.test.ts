import { HANDLED_INTENTS } from '../../lambda/alexa/handledIntents';
import { NAMES_PER_TURN } from '../../lambda/conversation/playlistPages';
import type { SessionState } from '../../lambda/conversation/sessionState';
import { translatorFor } from '../../lambda/i18n';
import { intentRequest } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

/** The states a session can be in when an intent arrives: fresh, and after "want to hear more?". */
const SESSION_STATES: ReadonlyArray<SessionState | undefined> = [undefined, { listNextOffset: NAMES_PER_TURN }];

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('HANDLED_INTENTS, the list npm run validate holds the models to', () => {
  const catchAllSpeech = translatorFor('en-US').t('unhandled.speech');

  it.each(HANDLED_INTENTS)('names %s, which a handler other than the catch-all answers', async (name) => {
    const answers = await Promise.all(
      SESSION_STATES.map((attributes) => harness.ask(intentRequest(name, {}, { accessToken: null, ...(attributes && { attributes: { ...attributes } }) }))),
    );

    expect(answers.some((answer) => spokenText(answer) !== catchAllSpeech)).toBe(true);
  });

  it('leaves an intent outside the list to the catch-all', async () => {
    const answer = await harness.ask(intentRequest('AMAZON.PauseIntent', {}, { accessToken: null }));

    expect(spokenText(answer)).toBe(catchAllSpeech);
  });
});
