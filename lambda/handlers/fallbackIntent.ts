import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { isIntent } from '../alexa/requestMatchers';
import { forgetPendingQuestions } from '../conversation/sessionState';

/** Alexa heard something outside the interaction model. */
export const fallbackIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent'),
  handle(input) {
    const { t } = translator(input);
    forgetPendingQuestions(input);
    return input.responseBuilder.speak(t('fallback.speech')).reprompt(t('fallback.reprompt')).getResponse();
  },
};
