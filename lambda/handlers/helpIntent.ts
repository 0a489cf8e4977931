import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { isIntent } from '../alexa/requestMatchers';
import { forgetPendingQuestions } from '../conversation/sessionState';

/** Works without a linked account, as certification requires. */
export const helpIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle(input) {
    const { t } = translator(input);
    forgetPendingQuestions(input);
    return input.responseBuilder.speak(t('help.speech')).reprompt(t('help.reprompt')).getResponse();
  },
};
