import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';

export type LinkReason = 'notLinked' | 'expired';

/**
 * The answer whenever Spotify is needed and we have no usable token: a LinkAccount card in the
 * Alexa app and a sentence saying so. The session ends, as certification expects.
 */
export function linkAccountResponse(input: HandlerInput, reason: LinkReason): Response {
  const { t } = translator(input);
  return input.responseBuilder
    .speak(t(reason === 'expired' ? 'link.relinkSpeech' : 'link.speech'))
    .withLinkAccountCard()
    .withShouldEndSession(true)
    .getResponse();
}
