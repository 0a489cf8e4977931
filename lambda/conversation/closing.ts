import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';

/**
 * "No" to whatever was offered or asked: close politely; the session, and what it remembered,
 * ends. Said by the No intent and by every question that can be declined.
 */
export function closeOnNo(input: HandlerInput): Response {
  const { t } = translator(input);
  return input.responseBuilder.speak(t('no')).withShouldEndSession(true).getResponse();
}
