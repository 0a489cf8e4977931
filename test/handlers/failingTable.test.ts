import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest, skillEventRequest } from '../support/envelopes';
import { hangingTable, unreachableTable, type TableAt } from '../support/failingTables';
import { cardText, endsSession, repromptText, spokenText } from '../support/responses';
import { startHarness, type HarnessOptions } from '../support/skillHarness';

const LINKED = { accessToken: DEMO_ACCESS_TOKEN };
const TABLE: TableAt = { tableName: 'playlist-pal-listeners', clientConfig: { region: 'local' } };

/** A listener's evening, every kind of turn that reads or writes the table. */
const EVENING: ReadonlyArray<readonly [string, () => RequestEnvelope]> = [
  ['launch', () => launchRequest(LINKED)],
  ['list', () => intentRequest('ListPlaylistsIntent', {}, LINKED)],
  ['more', () => intentRequest('AMAZON.YesIntent', {}, { ...LINKED, attributes: { listNextOffset: 5 } })],
  ['details', () => intentRequest('PlaylistDetailsIntent', { playlist: 'morning run' }, LINKED)],
  ['play', () => intentRequest('PlayPlaylistIntent', { playlist: 'rock and roll' }, LINKED)],
  ['play it again', () => intentRequest('PlayLastPlaylistIntent', {}, LINKED)],
  ['help', () => intentRequest('AMAZON.HelpIntent', {}, LINKED)],
  ['stop', () => intentRequest('AMAZON.StopIntent', {}, LINKED)],
];

interface Heard {
  readonly turn: string;
  readonly speech: string;
  readonly reprompt: string;
  readonly card: string;
  readonly endsSession: boolean;
}

/** What the user hears through the evening, with a fresh Spotify stand-in and the given table. */
async function hearEvening(options: HarnessOptions = {}): Promise<{ heard: Heard[]; logs: Array<Record<string, unknown>> }> {
  const harness = await startHarness({ ...options, env: { PERSISTENCE_TIMEOUT_MS: '150', ...options.env } });
  try {
    const heard: Heard[] = [];
    for (const [turn, envelope] of EVENING) {
      const response = await harness.ask(envelope());
      heard.push({ turn, speech: spokenText(response), reprompt: repromptText(response), card: cardText(response), endsSession: endsSession(response) });
    }
    return { heard, logs: harness.logs };
  } finally {
    await harness.close();
  }
}

function awsError(name: string): DynamoDBServiceException {
  return new DynamoDBServiceException({ name, message: `${name} from the test`, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

let stateless: Heard[];
beforeAll(async () => {
  stateless = (await hearEvening()).heard;
  // The stateless skill cannot recall a playlist either: "play it again" asks which one.
  expect(stateless.find((each) => each.turn === 'play it again')?.speech).toBe("I can't recall your last playlist right now. Which playlist should I play?");
});

describe('a table that answers with an error', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  afterEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  it.each([
    ['throughput exceeded', 'ProvisionedThroughputExceededException', 'StoreThrottled'],
    ['access denied', 'AccessDeniedException', 'StoreAccessDenied'],
    ['a missing table', 'ResourceNotFoundException', 'StoreMissing'],
  ])('changes nothing the user hears (%s): every answer is the stateless one, word for word', async (_, name, logged) => {
    ddb.onAnyCommand().rejects(awsError(name));

    const { heard, logs } = await hearEvening({ table: TABLE });

    expect(heard).toEqual(stateless);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'listener memory unavailable', error: expect.objectContaining({ name: logged }) }));
    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('changes nothing the user hears when every write loses to another request (conditional check failed)', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).rejects(awsError('ConditionalCheckFailedException'));

    const { heard, logs } = await hearEvening({ table: TABLE });

    expect(heard).toEqual(stateless.map((each) => (each.turn === 'play it again' ? expect.objectContaining({ turn: 'play it again' }) : each)));
    expect(heard.find((each) => each.turn === 'play it again')?.speech).toMatch(/^I don't know which playlist you played last yet/);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', operation: 'save', error: expect.objectContaining({ name: 'StoreConflict' }) }));
  });

  it('answers skill events with nothing however the table fails', async () => {
    ddb.onAnyCommand().rejects(awsError('ThrottlingException'));
    const harness = await startHarness({ table: TABLE });
    try {
      const disabled = await harness.ask(skillEventRequest('AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' }));
      const linked = await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }));

      expect(disabled.response).toEqual({});
      expect(linked.response).toEqual({});
      expect(ddb).toHaveReceivedCommandTimes(DeleteCommand, 1);
    } finally {
      await harness.close();
    }
  });
});

describe('a table that cannot be reached or never answers', () => {
  it('changes nothing the user hears when nothing listens at the endpoint', async () => {
    const { heard, logs } = await hearEvening({ table: await unreachableTable() });

    expect(heard).toEqual(stateless);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', error: expect.objectContaining({ name: 'StoreUnavailable' }) }));
  });

  it('changes nothing the user hears when the endpoint accepts and never answers: each call gives up on its own limit', async () => {
    const table = await hangingTable();
    try {
      const { heard, logs } = await hearEvening({ table });

      expect(heard).toEqual(stateless);
      expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', error: expect.objectContaining({ name: 'StoreTimeout', message: 'read: no answer within 150 ms' }) }));
    } finally {
      await table.close();
    }
  });
});
