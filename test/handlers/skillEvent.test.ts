import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { skillEventRequest, type SkillEventType } from '../support/envelopes';
import { startHarness, type Harness } from '../support/skillHarness';

const EVENTS: ReadonlyArray<readonly [SkillEventType, Record<string, unknown>]> = [
  ['AlexaSkillEvent.SkillEnabled', {}],
  ['AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' }],
  ['AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }],
  ['AlexaSkillEvent.SkillPermissionAccepted', { acceptedPermissions: [{ scope: 'alexa::profile:email:read' }] }],
];

describe('skill events', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it.each(EVENTS)('answers %s with an empty response: no speech, reprompt, card or directive', async (type, body) => {
    const envelope = skillEventRequest(type, body, { accessToken: DEMO_ACCESS_TOKEN });

    const { response } = await harness.ask(envelope);

    expect(envelope.session).toBeUndefined();
    expect(response).toEqual({});
    expect(harness.spotify.requests).toEqual([]);
  });

  it('logs the event by name and never the token its body carries', async () => {
    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: 'freshly-linked-token-123' }, { accessToken: null }));

    expect(harness.logs).toContainEqual(expect.objectContaining({ event: 'AlexaSkillEvent.SkillAccountLinked' }));
    expect(harness.rawLogs.join('\n')).not.toContain('freshly-linked-token-123');
  });
});
