import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import type { HandledIntent } from './handledIntents';

/*
 * canHandle helpers that never throw: a malformed envelope must reach the catch-all handler
 * and get a spoken answer, not blow up inside the SDK's getRequestType.
 */

export function requestType(input: HandlerInput): string | undefined {
  const type = (input.requestEnvelope?.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

export function intentName(input: HandlerInput): string | undefined {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const name = (input.requestEnvelope.request as Partial<IntentRequest>).intent?.name;
  return typeof name === 'string' ? name : undefined;
}

export function isRequestType(input: HandlerInput, type: string): boolean {
  return requestType(input) === type;
}

export function isIntent(input: HandlerInput, ...names: readonly HandledIntent[]): boolean {
  const name = intentName(input);
  return name !== undefined && (names as readonly string[]).includes(name);
}
