import type { RequestHandler } from 'ask-sdk-core';
import { translator } from '../i18n';
import { requestType } from '../alexa/requestMatchers';
import { forgetPendingQuestions } from '../conversation/sessionState';

/** Requests that must not carry speech: the device or Alexa itself sent them, not the user. */
const SILENT_REQUEST_TYPE = /^(AudioPlayer\.|PlaybackController\.|System\.ExceptionEncountered|Alexa\.Presentation\.APL\.RuntimeError|Messaging\.)/;

/**
 * Registered last: any intent or request type no other handler took (a stray "yes", an intent
 * from a newer interaction model, a malformed envelope) gets a helpful sentence instead of an error.
 */
export const unhandledRequestHandler: RequestHandler = {
  canHandle: () => true,
  handle(input) {
    const type = requestType(input);
    if (type !== undefined && SILENT_REQUEST_TYPE.test(type)) return input.responseBuilder.getResponse();
    const { t } = translator(input);
    // What it asks instead replaces any question still open.
    forgetPendingQuestions(input);
    return input.responseBuilder.speak(t('unhandled.speech')).reprompt(t('fallback.reprompt')).getResponse();
  },
};
