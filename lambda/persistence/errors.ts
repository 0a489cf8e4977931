/**
 * The ways the listener's table can fail, one class per thing an operator would do differently.
 * Each keeps the AWS SDK's own error as `cause`; none carries the item, a key or a credential.
 * The skill never tells the user about these: it answers as if it remembered nothing.
 */
export type StoreOperation = 'read' | 'save' | 'delete';

export abstract class PersistenceError extends Error {
  constructor(
    readonly operation: StoreOperation,
    summary: string,
    cause?: unknown,
  ) {
    super(`${operation}: ${summary}`, cause === undefined ? undefined : { cause });
  }
}

/** ProvisionedThroughputExceeded, RequestLimitExceeded or ThrottlingException, after the SDK's own retries. */
export class StoreThrottled extends PersistenceError {
  override readonly name = 'StoreThrottled';
}

/** The call took longer than its own limit or what was left of the request's budget. */
export class StoreTimeout extends PersistenceError {
  override readonly name = 'StoreTimeout';
}

/** AccessDenied or bad credentials: the Lambda role lacks an action on this table. */
export class StoreAccessDenied extends PersistenceError {
  override readonly name = 'StoreAccessDenied';
}

/** ResourceNotFoundException: no table of that name in this account and region. */
export class StoreMissing extends PersistenceError {
  override readonly name = 'StoreMissing';
}

/** ConditionalCheckFailed: another request changed or deleted the item since this one read it. */
export class StoreConflict extends PersistenceError {
  override readonly name = 'StoreConflict';
}

/** Anything else: the endpoint cannot be reached, the SDK cannot be loaded, an answer we cannot use. */
export class StoreUnavailable extends PersistenceError {
  override readonly name = 'StoreUnavailable';
}

/** A read that no handler waited for, stopped when the request was answered: not a failure. */
export class ReadAbandoned extends PersistenceError {
  override readonly name = 'ReadAbandoned';
}

/** The request names no Alexa user, so there is no item to read or write. */
export class NoUserId extends PersistenceError {
  override readonly name = 'NoUserId';
}

const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'ThrottlingException', 'Throttling']);
const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);

/** The SDK error as one of ours. Names are compared rather than classes: Lambda's copy of the SDK may not be ours. */
export function classifyStoreError(operation: StoreOperation, error: unknown): PersistenceError {
  if (error instanceof PersistenceError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (THROTTLED.has(name)) return new StoreThrottled(operation, `the table is throttling requests (${name})`, error);
  if (DENIED.has(name)) return new StoreAccessDenied(operation, `not allowed (${name}); check the Lambda role and credentials`, error);
  if (name === 'ResourceNotFoundException') return new StoreMissing(operation, 'the table does not exist in this account and region', error);
  if (name === 'ConditionalCheckFailedException') return new StoreConflict(operation, 'the item changed since it was read', error);
  if (name === 'TimeoutError' || name === 'AbortError') return new StoreTimeout(operation, 'the call was cut short', error);
  return new StoreUnavailable(operation, `${name || 'error'}: ${message}`, error);
}
