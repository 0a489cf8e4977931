import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { isIntent } from '../alexa/requestMatchers';

/** Stop, Cancel and NavigateHome all leave the skill; none needs a linked account. */
export const exitIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle(input) {
    const { t } = translator(input);
    return input.responseBuilder.speak(t('goodbye')).withShouldEndSession(true).getResponse();
  },
};
