import { AttributesManagerFactory, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { Logger } from '../../lambda/logging/logger';
import {
  classifyStoreError,
  DynamoDbPersistenceAdapter,
  NoUserId,
  ReadAbandoned,
  REFRESH_AFTER_S,
  StoreAccessDenied,
  StoreConflict,
  StoreMissing,
  StoreThrottled,
  StoreTimeout,
  StoreUnavailable,
  TIME_TO_LIVE_S,
} from '../../lambda/persistence';
import { launchRequest, TEST_USER_ID } from '../support/envelopes';

const TABLE = 'playlist-pal-listeners';
const NOW_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const ddb = mockClient(DynamoDBDocumentClient);

let logs: Array<Record<string, unknown>>;
let adapter: DynamoDbPersistenceAdapter;

function createAdapter(callTimeoutMs = 200): DynamoDbPersistenceAdapter {
  const logger = new Logger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  return new DynamoDbPersistenceAdapter({ tableName: TABLE, callTimeoutMs, logger, now: () => NOW_MS, clientConfig: { region: 'local' } });
}

/** What the SDK gives a handler: the real attributes manager over this adapter. */
function handlerInput(envelope: RequestEnvelope = launchRequest()): HandlerInput {
  return { requestEnvelope: envelope, attributesManager: AttributesManagerFactory.init({ requestEnvelope: envelope, persistenceAdapter: adapter }) } as HandlerInput;
}

function awsError(name: string, status = 400): DynamoDBServiceException {
  return new DynamoDBServiceException({ name, message: `${name} from the test`, $fault: 'client', $metadata: { httpStatusCode: status, requestId: 'REQ123' } });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  ddb.reset();
  logs = [];
  adapter = createAdapter();
});

describe('DynamoDbPersistenceAdapter, the commands it sends', () => {
  it('reads the item keyed by the Alexa userId, consistently, from the configured table', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: { lastDevice: { id: 'd1', name: 'Kitchen' } }, expiresAt: NOW_S + 1000, version: 2 } });

    const attributes = await adapter.getAttributes(launchRequest());

    expect(attributes).toEqual({ lastDevice: { id: 'd1', name: 'Kitchen' } });
    expect(ddb).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE, Key: { id: TEST_USER_ID }, ConsistentRead: true });
  });

  it('reads once per request however many ask, and again for the next request', async () => {
    ddb.on(GetCommand).resolves({});
    const envelope = launchRequest();

    await Promise.all([adapter.getAttributes(envelope), adapter.getAttributes(envelope)]);
    await adapter.getAttributes(envelope);
    await adapter.getAttributes(launchRequest());

    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 2);
  });

  it('writes a new item with the SDK adapter layout, a year to live and version 1, only if no item appeared meanwhile', async () => {
    ddb.on(GetCommand).resolves({});
    const envelope = launchRequest();
    await adapter.getAttributes(envelope);

    await adapter.saveAttributes(envelope, { lastPlaylist: { id: 'p1', name: 'Morning Run', uri: 'spotify:playlist:p1' } });

    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      Item: { id: TEST_USER_ID, attributes: { lastPlaylist: { id: 'p1', name: 'Morning Run', uri: 'spotify:playlist:p1' } }, expiresAt: NOW_S + TIME_TO_LIVE_S, version: 1 },
      ConditionExpression: 'attribute_not_exists(#id)',
      ExpressionAttributeNames: { '#id': 'id' },
    });
  });

  it('writes over an item only while it still has the version this request read', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: { linkedAt: '2026-01-01T00:00:00.000Z' }, expiresAt: NOW_S + 1000, version: 7 } });
    const envelope = launchRequest();
    const attributes = await adapter.getAttributes(envelope);

    await adapter.saveAttributes(envelope, { ...attributes, welcomedAt: '2026-01-15T12:00:00.000Z' });

    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ version: 8, attributes: { linkedAt: '2026-01-01T00:00:00.000Z', welcomedAt: '2026-01-15T12:00:00.000Z' } }),
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': 7 },
    });
  });

  it('reads an item the ASK SDK adapter wrote (no version, no expiry) and gives it both on the first save', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: { favourite: 'kept as it is' } } });
    const envelope = launchRequest();
    const attributes = await adapter.getAttributes(envelope);

    await adapter.saveAttributes(envelope, attributes);

    expect(attributes).toEqual({ favourite: 'kept as it is' });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: { id: TEST_USER_ID, attributes: { favourite: 'kept as it is' }, expiresAt: NOW_S + TIME_TO_LIVE_S, version: 1 },
      ConditionExpression: 'attribute_exists(#id) AND attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#id': 'id', '#version': 'version' },
    });
  });

  it('deletes the item by its key', async () => {
    ddb.on(DeleteCommand).resolves({});

    await adapter.deleteAttributes(launchRequest());

    expect(ddb).toHaveReceivedCommandWith(DeleteCommand, { TableName: TABLE, Key: { id: TEST_USER_ID } });
  });
});

describe('DynamoDbPersistenceAdapter, when it writes', () => {
  async function readThenSave(item: Record<string, unknown> | undefined, change: (read: Record<string, unknown>) => Record<string, unknown>) {
    ddb.on(GetCommand).resolves(item === undefined ? {} : { Item: item });
    ddb.on(PutCommand).resolves({});
    const envelope = launchRequest();
    const read = await adapter.getAttributes(envelope);
    await adapter.saveAttributes(envelope, change(read));
  }

  it('does not write when nothing changed and the expiry is fresh', async () => {
    await readThenSave({ id: TEST_USER_ID, attributes: { a: 1 }, expiresAt: NOW_S + TIME_TO_LIVE_S - 60, version: 1 }, (read) => ({ ...read }));

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('pushes the expiry back without a change once it has come a month closer', async () => {
    await readThenSave({ id: TEST_USER_ID, attributes: { a: 1 }, expiresAt: NOW_S + TIME_TO_LIVE_S - REFRESH_AFTER_S, version: 1 }, (read) => read);

    expect(ddb).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ expiresAt: NOW_S + TIME_TO_LIVE_S, version: 2 }) });
  });

  it('writes nothing for a listener of whom nothing is remembered', async () => {
    await readThenSave(undefined, (read) => read);

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('treats an expired item that DynamoDB has not yet deleted as forgotten', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: { lastDevice: { id: 'd', name: 'Old' } }, expiresAt: NOW_S - 1, version: 4 } });

    expect(await adapter.getAttributes(launchRequest())).toEqual({});
  });

  it('never writes when this request could not read the item: its real state is unknown', async () => {
    ddb.on(GetCommand).rejects(awsError('ProvisionedThroughputExceededException'));
    const envelope = launchRequest();
    await expect(adapter.getAttributes(envelope)).rejects.toThrow(StoreThrottled);

    await adapter.saveAttributes(envelope, { lastPlaylist: { id: 'p1', name: 'X', uri: 'spotify:playlist:p1' } });
    await adapter.saveAttributes(launchRequest(), { never: 'read' });

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('refuses a second write in the same request, with a warning', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    const envelope = launchRequest();
    await adapter.getAttributes(envelope);

    await adapter.saveAttributes(envelope, { first: 1 });
    await adapter.saveAttributes(envelope, { second: 2 });

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 1);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'listener memory not saved: this request already wrote the item once' }));
  });

  it('writes nothing back after deleting in the same request', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: { a: 1 }, version: 1 } });
    ddb.on(DeleteCommand).resolves({});
    const envelope = launchRequest();
    await adapter.getAttributes(envelope);

    await adapter.deleteAttributes(envelope);
    await adapter.saveAttributes(envelope, { a: 2 });

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });
});

describe('DynamoDbPersistenceAdapter, when the table fails', () => {
  const READ_FAILURES: ReadonlyArray<readonly [string, string, new (...args: never[]) => Error]> = [
    ['ProvisionedThroughputExceededException', 'StoreThrottled', StoreThrottled],
    ['ThrottlingException', 'StoreThrottled', StoreThrottled],
    ['RequestLimitExceeded', 'StoreThrottled', StoreThrottled],
    ['AccessDeniedException', 'StoreAccessDenied', StoreAccessDenied],
    ['UnrecognizedClientException', 'StoreAccessDenied', StoreAccessDenied],
    ['ResourceNotFoundException', 'StoreMissing', StoreMissing],
    ['InternalServerError', 'StoreUnavailable', StoreUnavailable],
  ];

  it.each(READ_FAILURES)('turns %s on a read into %s, logged once as a warning with the AWS request id and never the item', async (name, typeName, type) => {
    ddb.on(GetCommand).rejects(awsError(name));

    await expect(adapter.getAttributes(launchRequest())).rejects.toThrow(type);

    const warnings = logs.filter((line) => line.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        message: 'listener memory unavailable',
        operation: 'read',
        table: TABLE,
        error: expect.objectContaining({ name: typeName, cause: name, awsRequestId: 'REQ123' }),
      }),
    ]);
    expect(JSON.stringify(logs)).not.toContain(TEST_USER_ID);
  });

  it('turns a failed condition on a write into StoreConflict: another request changed the item', async () => {
    ddb.on(GetCommand).resolves({ Item: { id: TEST_USER_ID, attributes: {}, version: 3 } });
    ddb.on(PutCommand).rejects(awsError('ConditionalCheckFailedException'));
    const envelope = launchRequest();
    await adapter.getAttributes(envelope);

    await expect(adapter.saveAttributes(envelope, { changed: true })).rejects.toThrow(StoreConflict);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', operation: 'save', error: expect.objectContaining({ name: 'StoreConflict' }) }));
  });

  it.each([
    ['AccessDeniedException', 'StoreAccessDenied', StoreAccessDenied],
    ['ProvisionedThroughputExceededException', 'StoreThrottled', StoreThrottled],
  ] as const)('turns %s on a delete into %s', async (name, _typeName, type) => {
    ddb.on(DeleteCommand).rejects(awsError(name));

    await expect(adapter.deleteAttributes(launchRequest())).rejects.toThrow(type);
  });

  /** A table that accepts the call and never answers. */
  const NEVER = () => new Promise<never>(() => undefined);

  it('gives up on a table that does not answer within its own limit', async () => {
    adapter = createAdapter(50);
    ddb.on(GetCommand).callsFake(NEVER);

    await expect(adapter.getAttributes(launchRequest())).rejects.toThrow(new StoreTimeout('read', 'no answer within 50 ms'));
  });

  it('gives up sooner when less is left of the request than the call limit', async () => {
    ddb.on(GetCommand).callsFake(NEVER);
    const input = handlerInput();
    adapter.begin(input, { remainingMs: () => 20 });

    await expect(input.attributesManager.getPersistentAttributes()).rejects.toThrow(/no answer within 20 ms/);
  });

  it('does not call the table at all when the request has no time left', async () => {
    const input = handlerInput();
    adapter.begin(input, { remainingMs: () => 0 });

    await expect(input.attributesManager.getPersistentAttributes()).rejects.toThrow(StoreTimeout);
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 0);
  });

  it('refuses a request without a user id, without calling the table', async () => {
    const envelope = launchRequest();
    delete (envelope.context.System.user as { userId?: string }).userId;

    await expect(adapter.getAttributes(envelope)).rejects.toThrow(NoUserId);
    await expect(adapter.deleteAttributes(envelope)).rejects.toThrow(NoUserId);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('DynamoDbPersistenceAdapter around a linked request', () => {
  it('starts the read at begin, and at end saves what changed through the attributes manager', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    const input = handlerInput();

    adapter.begin(input, { remainingMs: () => 5000 });
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 0);
    await delay(0);
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 1);
    const attributes = await input.attributesManager.getPersistentAttributes();
    input.attributesManager.setPersistentAttributes({ ...attributes, welcomedAt: '2026-01-15T12:00:00.000Z' });
    await adapter.end(input, true);

    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 1);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ attributes: { welcomedAt: '2026-01-15T12:00:00.000Z' } }) });
  });

  it('saves nothing when the handler failed', async () => {
    ddb.on(GetCommand).resolves({});
    const input = handlerInput();
    adapter.begin(input, { remainingMs: () => 5000 });
    input.attributesManager.setPersistentAttributes({ changed: true });

    await adapter.end(input, false);

    expect(ddb).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('abandons a read that no handler waited for, logged at debug level only', async () => {
    ddb.on(GetCommand).callsFake(() => new Promise<never>(() => undefined));
    const send = jest.spyOn(DynamoDBDocumentClient.prototype, 'send');
    const input = handlerInput();
    adapter.begin(input, { remainingMs: () => 5000 });
    const read = adapter.getAttributes(input.requestEnvelope);
    await delay(10);
    const signal = (send.mock.calls[0]?.[1] as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
    send.mockRestore();

    await adapter.end(input, true);

    await expect(read).rejects.toThrow(ReadAbandoned);
    expect(signal?.aborted).toBe(true);
    expect(logs.filter((line) => line.level === 'warn')).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'debug', message: 'listener memory read abandoned' }));
  });

  it('never throws at end, even when the save fails', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).rejects(awsError('ConditionalCheckFailedException'));
    const input = handlerInput();
    adapter.begin(input, { remainingMs: () => 5000 });
    input.attributesManager.setPersistentAttributes({ ...(await input.attributesManager.getPersistentAttributes()), a: 1 });

    await expect(adapter.end(input, true)).resolves.toBeUndefined();
  });
});

describe('classifyStoreError', () => {
  it("turns the SDK's own time-outs and aborts into StoreTimeout", () => {
    const sdkTimeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    const aborted = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

    expect(classifyStoreError('read', sdkTimeout)).toBeInstanceOf(StoreTimeout);
    expect(classifyStoreError('save', aborted)).toEqual(expect.objectContaining({ name: 'StoreTimeout', operation: 'save', cause: aborted }));
  });

  it('names something thrown that is not an Error, and keeps it as the cause', () => {
    const failure = classifyStoreError('delete', 'socket hang up');

    expect(failure).toBeInstanceOf(StoreUnavailable);
    expect(failure.message).toBe('delete: error: socket hang up');
    expect(failure.cause).toBe('socket hang up');
  });
});
