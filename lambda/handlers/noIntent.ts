import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { isIntent } from './requestMatchers';

/** "No" to "want to hear more?" (or to anything else): close politely; the session, and what it remembered, ends. */
export const noIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle(input) {
    const { t } = translator(input);
    return input.responseBuilder.speak(t('no')).withShouldEndSession(true).getResponse();
  },
};
