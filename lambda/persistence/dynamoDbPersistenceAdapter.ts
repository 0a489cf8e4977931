import type { HandlerInput, PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type * as LibDynamoDb from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../logging/logger';
import { hashUserId } from '../logging/redact';
import { classifyStoreError, NoUserId, ReadAbandoned, StoreTimeout, StoreUnavailable, type PersistenceError, type StoreOperation } from './errors';

export type Attributes = Record<string, unknown>;

/** What is left of the request's time budget. */
export interface TimeLimit {
  remainingMs(): number;
}

/** What a linked request does with the store around its handler: read early, save once at the end. */
export interface RequestMemory {
  /** Starts reading the listener's item now, beside Spotify's first call, and bounds every table call of this request by `limit`. */
  begin(input: HandlerInput, limit: TimeLimit): void;
  /** Saves what changed (once, never throwing) when the request was answered, and abandons a read no handler waited for. */
  end(input: HandlerInput, answered: boolean): Promise<void>;
}

export interface DynamoDbPersistenceAdapterOptions {
  readonly tableName: string;
  /** Longest a single table call may take (also never longer than what is left of the request). */
  readonly callTimeoutMs: number;
  readonly logger: Logger;
  /** Settings beyond the AWS SDK's own (environment, Lambda role): the local run passes its embedded endpoint here. */
  readonly clientConfig?: DynamoDBClientConfig;
  readonly now?: () => number;
}

/** An item lives a year after its last write, so what nobody uses any more goes away by itself. */
export const TIME_TO_LIVE_S = 365 * 24 * 60 * 60;
/**
 * An unchanged item is written again only to push its expiry back, and only once its expiry has
 * come a month closer: a listener who uses the skill daily costs one such write a month.
 */
export const REFRESH_AFTER_S = 30 * 24 * 60 * 60;

/** The item as this request read it: what a save compares with and makes its condition from. */
interface ReadItem {
  readonly exists: boolean;
  readonly version: number | undefined;
  readonly expiresAt: number | undefined;
  /** The attributes as JSON, to tell whether anything changed. */
  readonly json: string;
}

interface RequestScope {
  read?: Promise<Attributes>;
  item?: ReadItem;
  limit?: TimeLimit;
  /** Aborts this request's read when no handler needed it. */
  readonly abandon: AbortController;
  written: boolean;
}

interface Sdk {
  readonly client: LibDynamoDb.DynamoDBDocumentClient;
  readonly lib: typeof LibDynamoDb;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function userIdOf(envelope: RequestEnvelope | undefined): string | undefined {
  const userId: unknown = envelope?.context?.System?.user?.userId;
  return typeof userId === 'string' && userId !== '' ? userId : undefined;
}

/**
 * The ASK SDK's `PersistenceAdapter` on the AWS SDK v3, with the layout of the SDK's own
 * DynamoDB adapter (partition key `id` = the Alexa userId, the state in the map `attributes`),
 * so a skill moving from that adapter keeps its users' data. Beside them: `expiresAt` (epoch
 * seconds, the table's time to live) and `version`, which makes every write conditional on
 * the item being as this request read it, so a request in flight never brings back an item
 * that SkillDisabled deleted, nor overwrites a newer one.
 *
 * Per request (keyed by its envelope): one read, shared by everyone who asks; at most one
 * write, and only when the attributes changed or the expiry is due to be pushed back; no
 * write at all when the read failed, since the item's real state is then unknown. The AWS
 * SDK is loaded on the first table call, never at container start: an unlinked request does
 * not pay for it.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter, RequestMemory {
  private readonly requests = new WeakMap<RequestEnvelope, RequestScope>();
  private sdk: Promise<Sdk> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: DynamoDbPersistenceAdapterOptions) {
    this.now = options.now ?? Date.now;
  }

  begin(input: HandlerInput, limit: TimeLimit): void {
    this.scope(input.requestEnvelope).limit = limit;
    // Through the attributes manager, so its cache holds what the handlers ask for later.
    input.attributesManager.getPersistentAttributes().catch(() => undefined);
  }

  async end(input: HandlerInput, answered: boolean): Promise<void> {
    const scope = this.requests.get(input.requestEnvelope);
    if (scope === undefined) return;
    // The attributes manager saves only what it has: nothing when the read never finished.
    if (answered) await input.attributesManager.savePersistentAttributes().catch(() => undefined);
    if (scope.item === undefined) scope.abandon.abort();
  }

  getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    const scope = this.scope(envelope);
    scope.read ??= this.logged('read', envelope, this.read(envelope, scope));
    return scope.read;
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const scope = this.requests.get(envelope);
    const item = scope?.item;
    if (scope === undefined || item === undefined) {
      this.options.logger.debug('listener memory not saved: this request did not read the item', { user: hashUserId(userIdOf(envelope)) });
      return;
    }
    if (scope.written) {
      this.options.logger.warn('listener memory not saved: this request already wrote the item once', { user: hashUserId(userIdOf(envelope)) });
      return;
    }
    const json = JSON.stringify(attributes ?? {});
    const nowS = Math.floor(this.now() / 1000);
    const refreshDue = item.exists && json !== '{}' && (item.expiresAt === undefined || item.expiresAt - nowS <= TIME_TO_LIVE_S - REFRESH_AFTER_S);
    if (json === item.json && !refreshDue) return;
    scope.written = true;
    await this.logged('save', envelope, this.write(envelope, scope, item, attributes ?? {}, json, nowS));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const scope = this.scope(envelope);
    // Whatever this request read is gone: nothing may be written back after this.
    scope.item = undefined;
    scope.written = true;
    await this.logged('delete', envelope, this.delete(envelope, scope));
  }

  private scope(envelope: RequestEnvelope): RequestScope {
    let scope = this.requests.get(envelope);
    if (scope === undefined) {
      scope = { abandon: new AbortController(), written: false };
      this.requests.set(envelope, scope);
    }
    return scope;
  }

  private userId(operation: StoreOperation, envelope: RequestEnvelope): string {
    const userId = userIdOf(envelope);
    if (userId === undefined) throw new NoUserId(operation, 'the request has no context.System.user.userId');
    return userId;
  }

  private async read(envelope: RequestEnvelope, scope: RequestScope): Promise<Attributes> {
    const id = this.userId('read', envelope);
    const output = await this.call('read', scope, ({ client, lib }, abortSignal) =>
      client.send(new lib.GetCommand({ TableName: this.options.tableName, Key: { id }, ConsistentRead: true }), { abortSignal }),
    );
    const stored: unknown = output.Item;
    if (!isRecord(stored)) {
      scope.item = { exists: false, version: undefined, expiresAt: undefined, json: '{}' };
      return {};
    }
    const version = Number.isSafeInteger(stored.version) ? (stored.version as number) : undefined;
    const expiresAt = typeof stored.expiresAt === 'number' ? stored.expiresAt : undefined;
    // Time to live deletes an expired item within days, not at once: until then it is forgotten all the same.
    const expired = expiresAt !== undefined && expiresAt <= this.now() / 1000;
    const attributes = !expired && isRecord(stored.attributes) ? stored.attributes : {};
    scope.item = { exists: true, version, expiresAt, json: JSON.stringify(attributes) };
    return attributes;
  }

  private async delete(envelope: RequestEnvelope, scope: RequestScope): Promise<void> {
    const id = this.userId('delete', envelope);
    await this.call('delete', scope, ({ client, lib }, abortSignal) =>
      client.send(new lib.DeleteCommand({ TableName: this.options.tableName, Key: { id } }), { abortSignal }),
    );
  }

  private async write(envelope: RequestEnvelope, scope: RequestScope, item: ReadItem, attributes: Attributes, json: string, nowS: number): Promise<void> {
    const id = this.userId('save', envelope);
    const version = (item.version ?? 0) + 1;
    const expiresAt = nowS + TIME_TO_LIVE_S;
    await this.call('save', scope, ({ client, lib }, abortSignal) =>
      client.send(new lib.PutCommand({ TableName: this.options.tableName, Item: { id, attributes, expiresAt, version }, ...unchangedSince(item) }), { abortSignal }),
    );
    scope.item = { exists: true, version, expiresAt, json };
  }

  /** One table call, bounded by its own timeout and what is left of the request, whatever the SDK does inside. */
  private async call<T>(operation: StoreOperation, scope: RequestScope, send: (sdk: Sdk, signal: AbortSignal) => Promise<T>): Promise<T> {
    const limitMs = Math.min(this.options.callTimeoutMs, scope.limit?.remainingMs() ?? Infinity);
    if (limitMs <= 0) throw new StoreTimeout(operation, 'no time left in the request for the table');
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let abandon: (() => void) | undefined;
    const cutShort = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new StoreTimeout(operation, `no answer within ${limitMs} ms`));
      }, limitMs);
      abandon = () => {
        controller.abort();
        reject(new ReadAbandoned(operation, 'the request was answered without it'));
      };
      if (operation === 'read') scope.abandon.signal.addEventListener('abort', abandon);
    });
    try {
      return await Promise.race([this.loadSdk(operation).then((sdk) => send(sdk, controller.signal)), cutShort]);
    } catch (error) {
      throw classifyStoreError(operation, error);
    } finally {
      clearTimeout(timer);
      if (abandon !== undefined) scope.abandon.signal.removeEventListener('abort', abandon);
    }
  }

  /** The AWS SDK and one client per container, loaded on first use (Lambda's Node.js runtime provides the SDK). */
  private loadSdk(operation: StoreOperation): Promise<Sdk> {
    this.sdk ??= Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]).then(([{ DynamoDBClient }, lib]) => ({
      // One retry: with a one-second limit, the SDK's third attempt would rarely fit anyway.
      client: lib.DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 2, ...this.options.clientConfig }), {
        marshallOptions: { removeUndefinedValues: true },
      }),
      lib,
    }));
    return this.sdk.catch((error: unknown) => {
      // Tried again on the next call rather than remembered as broken for the container's life.
      this.sdk = undefined;
      throw new StoreUnavailable(operation, 'the AWS SDK v3 (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb) could not be loaded', error);
    });
  }

  /** Logs a failure once, where it happened, and passes it on for the caller to answer as if stateless. */
  private async logged<T>(operation: StoreOperation, envelope: RequestEnvelope, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      const failure = classifyStoreError(operation, error);
      const abandoned = failure instanceof ReadAbandoned;
      this.options.logger[abandoned ? 'debug' : 'warn'](abandoned ? 'listener memory read abandoned' : 'listener memory unavailable', {
        operation,
        table: this.options.tableName,
        user: hashUserId(userIdOf(envelope)),
        error: describeFailure(failure),
      });
      throw failure;
    }
  }
}

/** The condition that the item is still as this request read it: absent, from the SDK's adapter (no version), or the same version. */
function unchangedSince(item: ReadItem): Pick<LibDynamoDb.PutCommandInput, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  if (!item.exists) return { ConditionExpression: 'attribute_not_exists(#id)', ExpressionAttributeNames: { '#id': 'id' } };
  if (item.version === undefined) {
    return { ConditionExpression: 'attribute_exists(#id) AND attribute_not_exists(#version)', ExpressionAttributeNames: { '#id': 'id', '#version': 'version' } };
  }
  return { ConditionExpression: '#version = :read', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':read': item.version } };
}

/** Name, message and the SDK's own name and request id: enough to act on, never the item. */
function describeFailure(failure: PersistenceError): Record<string, unknown> {
  const cause = failure.cause as { name?: unknown; $metadata?: { requestId?: unknown; httpStatusCode?: unknown } } | undefined;
  return {
    name: failure.name,
    message: failure.message,
    cause: typeof cause?.name === 'string' ? cause.name : undefined,
    awsRequestId: cause?.$metadata?.requestId,
    httpStatus: cause?.$metadata?.httpStatusCode,
  };
}
