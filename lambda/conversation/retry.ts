import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, LaunchRequest, Slot } from 'ask-sdk-model';
import { isIntent, requestType } from '../alexa/requestMatchers';
import { keepOnlyKnownSessionState, MAX_RETRY_SLOT_CHARS, readSession, updateSession, type RetryRequest } from './sessionState';

/*
 * "I couldn't reach Spotify just now. Want me to try again?" — "Yes." The request that failed is
 * remembered with the session as it was when it arrived, and a "yes" to the question becomes
 * that request again before any handler sees it: whatever failed (opening the skill, a list, a
 * page, a name, the answer to "which one?") is repeated the same way, by the same handler.
 */

function retryOf(input: HandlerInput): RetryRequest | undefined {
  const type = requestType(input);
  if (type === 'LaunchRequest') return { launch: true };
  if (type !== 'IntentRequest') return undefined;
  const intent = (input.requestEnvelope.request as IntentRequest).intent;
  if (typeof intent?.name !== 'string') return undefined;
  const slots: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    const value = (slot as Slot | undefined)?.value;
    if (typeof value === 'string' && value.length <= MAX_RETRY_SLOT_CHARS) slots[name] = value;
  }
  return { intent: intent.name, slots };
}

/**
 * Remembers the request that just failed so that "yes" repeats it, with the session restored to
 * what it was before the failed turn changed it. False when it cannot be repeated (no session,
 * or a request that is neither a launch nor an intent).
 */
export function rememberForRetry(input: HandlerInput): boolean {
  const retry = retryOf(input);
  const arrived: unknown = input.requestEnvelope.session?.attributes;
  if (retry === undefined || input.requestEnvelope.session === undefined) return false;
  input.attributesManager.setSessionAttributes(typeof arrived === 'object' && arrived !== null ? { ...arrived } : {});
  keepOnlyKnownSessionState(input);
  updateSession(input, { retry });
  const remembered = readSession(input).retry;
  return remembered !== undefined;
}

/**
 * Runs before any handler. A pending retry lasts one turn: whatever the user says drops it, and
 * "yes" replaces this request with the one that failed (keeping this request's id, time and locale).
 */
export function replayAcceptedRetry(input: HandlerInput): void {
  const retry = readSession(input).retry;
  if (retry === undefined) return;
  updateSession(input, { retry: undefined });
  if (!isIntent(input, 'AMAZON.YesIntent')) return;
  const { requestId, timestamp, locale } = input.requestEnvelope.request as IntentRequest;
  if ('launch' in retry) {
    input.requestEnvelope.request = { type: 'LaunchRequest', requestId, timestamp, locale } satisfies LaunchRequest;
    return;
  }
  const slots = Object.fromEntries(Object.entries(retry.slots).map(([name, value]) => [name, { name, value, confirmationStatus: 'NONE' } satisfies Slot]));
  input.requestEnvelope.request = {
    type: 'IntentRequest',
    requestId,
    timestamp,
    locale,
    dialogState: 'COMPLETED',
    intent: { name: retry.intent, confirmationStatus: 'NONE', slots },
  } satisfies IntentRequest;
}
