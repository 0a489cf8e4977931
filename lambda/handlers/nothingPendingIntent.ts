import type { RequestHandler } from 'ask-sdk-core';
import { isIntent } from '../alexa/requestMatchers';
import { forgetPendingQuestions } from '../conversation/sessionState';
import { translator } from '../i18n';

/**
 * "Yes" or "next" when nothing was offered or listed: Alexa heard it well, there is just nothing
 * to go on with, so the user hears that and what they can say, not "I didn't get that".
 * Registered after every handler that answers a pending question, and needs no linked account.
 */
export const nothingPendingIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NextIntent'),
  handle(input) {
    const { t } = translator(input);
    forgetPendingQuestions(input);
    return input.responseBuilder.speak(t('nothingPending.speech')).reprompt(t('fallback.reprompt')).getResponse();
  },
};
