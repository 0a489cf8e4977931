import type { RequestHandler } from 'ask-sdk-core';
import { linkedAccessToken } from '../accountLinking/accessToken';
import { translator } from '../i18n';
import { isIntent } from '../alexa/requestMatchers';
import { forgetPendingQuestions } from '../conversation/sessionState';

/**
 * Works without a linked account, as certification requires. An unlinked user hears first that
 * Spotify needs linking in the Alexa app (and gets the card for it), since every example the
 * help gives would otherwise answer with that card.
 */
export const helpIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle(input) {
    const { t } = translator(input);
    forgetPendingQuestions(input);
    if (linkedAccessToken(input.requestEnvelope) === undefined) {
      return input.responseBuilder.speak(t('help.unlinkedSpeech')).reprompt(t('help.unlinkedReprompt')).withLinkAccountCard().getResponse();
    }
    return input.responseBuilder.speak(t('help.speech')).reprompt(t('help.reprompt')).getResponse();
  },
};
