import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, skillEventRequest, type SkillEventType } from '../support/envelopes';
import { unreachableTable } from '../support/failingTables';
import { startHarness, startRememberingHarness, type Harness, type RememberingHarness } from '../support/skillHarness';

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

describe('skill events and what is remembered of the listener', () => {
  let harness: RememberingHarness;
  beforeAll(async () => {
    harness = await startRememberingHarness();
  });
  afterAll(() => harness.close());

  /** A listener who played Morning Run, so that there is an item to keep or delete. */
  async function listenerWithAnItem(userId: string): Promise<void> {
    await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { accessToken: DEMO_ACCESS_TOKEN, userId }));
    expect(await harness.table.item(userId)).toBeDefined();
  }

  it('deletes everything stored for the user on SkillDisabled, and answers with nothing', async () => {
    const userId = 'amzn1.ask.account.DISABLES';
    await listenerWithAnItem(userId);

    const { response } = await harness.ask(skillEventRequest('AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' }, { userId }));

    expect(response).toEqual({});
    expect(await harness.table.item(userId)).toBeUndefined();
  });

  it('deletes the item when the event does not say whether the data persists', async () => {
    const userId = 'amzn1.ask.account.DISABLESNOSTATUS';
    await listenerWithAnItem(userId);

    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillDisabled', {}, { userId }));

    expect(await harness.table.item(userId)).toBeUndefined();
  });

  it('keeps the item when Alexa says the user information persists', async () => {
    const userId = 'amzn1.ask.account.DISABLESPERSISTED';
    await listenerWithAnItem(userId);
    const before = await harness.table.item(userId);

    const { response } = await harness.ask(skillEventRequest('AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'PERSISTED' }, { userId }));

    expect(response).toEqual({});
    expect(await harness.table.item(userId)).toEqual(before);
  });

  it('records when the account was linked, from the event, without touching what else is remembered', async () => {
    const userId = 'amzn1.ask.account.LINKS';
    await listenerWithAnItem(userId);
    const linkedAt = '2026-03-01T09:30:00.000Z';

    const { response } = await harness.ask(
      skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId, timestamp: linkedAt }),
    );

    expect(response).toEqual({});
    const attributes = (await harness.table.item(userId))?.attributes as Record<string, unknown>;
    expect(attributes.linkedAt).toBe(linkedAt);
    expect(attributes.lastPlaylist).toEqual(expect.objectContaining({ name: 'Morning Run' }));
  });

  it('records the link for a listener of whom nothing was stored yet', async () => {
    const userId = 'amzn1.ask.account.LINKSFIRST';

    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId, timestamp: '2026-03-02T10:00:00.000Z' }));

    expect(await harness.table.item(userId)).toEqual(expect.objectContaining({ id: userId, attributes: { linkedAt: '2026-03-02T10:00:00.000Z' }, version: 1 }));
  });

  it('stores nothing for SkillEnabled', async () => {
    const userId = 'amzn1.ask.account.ENABLES';

    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillEnabled', {}, { userId }));

    expect(await harness.table.item(userId)).toBeUndefined();
  });
});

describe('the token a SkillAccountLinked event carries, now that the event is acted on', () => {
  const FRESH = 'freshly-linked-token-for-the-table-456';

  it('is neither stored nor logged at debug when the link is recorded', async () => {
    const harness = await startRememberingHarness({ env: { LOG_LEVEL: 'debug' } });
    try {
      await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: FRESH }, { accessToken: null, userId: 'amzn1.ask.account.LINKEDTOKEN' }));

      const item = await harness.table.item('amzn1.ask.account.LINKEDTOKEN');
      expect(item).toMatchObject({ attributes: { linkedAt: expect.any(String) } });
      expect(JSON.stringify(item)).not.toContain(FRESH);
      expect(harness.rawLogs.length).toBeGreaterThan(1);
      expect(harness.rawLogs.join('\n')).not.toContain(FRESH);
    } finally {
      await harness.close();
    }
  });

  it('is removed from a log line that quotes it, as the request\'s own tokens are', async () => {
    const harness = await startHarness({ env: { LOG_LEVEL: 'debug' } });
    try {
      await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: FRESH }, { accessToken: null, requestId: `forged-${FRESH}` }));

      expect(harness.logs).toContainEqual(expect.objectContaining({ message: 'request', requestId: 'forged-[redacted]' }));
    } finally {
      await harness.close();
    }
  });

  it('is not logged at debug when the table fails and the failure is logged', async () => {
    const harness = await startHarness({ table: await unreachableTable(), env: { LOG_LEVEL: 'debug' } });
    try {
      await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: FRESH }, { accessToken: null }));

      expect(harness.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'listener memory unavailable' }));
      expect(harness.rawLogs.join('\n')).not.toContain(FRESH);
    } finally {
      await harness.close();
    }
  });
});

describe('skill events when the table cannot be reached', () => {
  it.each(EVENTS)('still answers %s with an empty response, and logs why nothing was stored', async (type, body) => {
    const unreachable = await unreachableTable();
    const harness = await startHarness({ table: unreachable });
    try {
      const { response } = await harness.ask(skillEventRequest(type, body, { accessToken: DEMO_ACCESS_TOKEN }));

      expect(response).toEqual({});
      if (type === 'AlexaSkillEvent.SkillDisabled' || type === 'AlexaSkillEvent.SkillAccountLinked') {
        expect(harness.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'listener memory unavailable' }));
      }
    } finally {
      await harness.close();
    }
  });
});
