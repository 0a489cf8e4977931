import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { isIntent } from './requestMatchers';
import { updateSession } from './sessionState';

/** "No" to "want to hear more?" (or to anything else): close politely. */
export const noIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle(input) {
    const { t } = translator(input);
    updateSession(input, { listNextOffset: undefined });
    return input.responseBuilder.speak(t('no')).withShouldEndSession(true).getResponse();
  },
};
