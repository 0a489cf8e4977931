import { TimestampVerifier } from '../../local/endpoint/verification';
import { intentRequest, skillEventRequest } from '../support/envelopes';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/* Alexa may deliver a skill event late; Amazon's rule gives events an hour where requests get 150 seconds. */
describe('how old a request the local endpoint takes', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    // Only the timestamp check: a real signature cannot be made here, and the age is what is under test.
    local = await startTestRuntime({ verifiers: [new TimestampVerifier()] });
  });
  afterAll(() => local.close());

  it.each(['AlexaSkillEvent.SkillEnabled', 'AlexaSkillEvent.SkillDisabled', 'AlexaSkillEvent.SkillAccountLinked'] as const)(
    'accepts %s 59 minutes old and answers it with an empty response',
    async (type) => {
      const answer = await local.postAlexa(skillEventRequest(type, {}, { timestamp: minutesAgo(59), accessToken: null }));

      expect(answer).toEqual({ status: 200, json: { version: '1.0', response: {}, userAgent: expect.any(String) } });
    },
  );

  it('refuses a skill event more than an hour old', async () => {
    const answer = await local.postAlexa(skillEventRequest('AlexaSkillEvent.SkillEnabled', {}, { timestamp: minutesAgo(61), accessToken: null }));

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/^Timestamp verification failed\./) } });
  });

  it('keeps refusing any other request more than 150 seconds old', async () => {
    const answer = await local.postAlexa(intentRequest('AMAZON.HelpIntent', {}, { timestamp: minutesAgo(3) }));

    expect(answer).toEqual({ status: 400, json: { error: expect.stringMatching(/^Timestamp verification failed\./) } });
  });
});
