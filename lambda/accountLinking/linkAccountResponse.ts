import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';

/** Why the user is asked to link: never linked, or the link expired or was revoked (Spotify's 401). */
export type LinkReason = 'notLinked' | 'expired';

const SPEECH_FOR: Readonly<Record<LinkReason, string>> = { notLinked: 'link.speech', expired: 'link.relinkSpeech' };

/**
 * The answer whenever Spotify is needed and we have no usable token: a LinkAccount card in the
 * Alexa app and a sentence saying so (certification rejects a request to link without the card).
 * The session ends, as certification expects.
 */
export function linkAccountResponse(input: HandlerInput, reason: LinkReason): Response {
  const { t } = translator(input);
  return input.responseBuilder
    .speak(t(SPEECH_FOR[reason]))
    .withLinkAccountCard()
    .withShouldEndSession(true)
    .getResponse();
}
