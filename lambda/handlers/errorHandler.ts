import type { ErrorHandler } from 'ask-sdk-core';
import { linkAccountResponse } from '../accountLinking/linkAccountResponse';
import { translator } from '../i18n';
import type { Logger } from '../logging/logger';
import {
  BadResponse,
  Forbidden,
  NoActiveDevice,
  NotFound,
  PremiumRequired,
  RateLimited,
  SpotifyError,
  Timeout,
  Unauthorized,
  Unavailable,
} from '../spotify';
import { intentName, requestType } from './requestMatchers';

type SpotifyErrorClass = abstract new (...args: never[]) => SpotifyError;

/** What the user hears for each way Spotify can fail (the sentences live in the locale files). */
const SPEECH_FOR: ReadonlyArray<readonly [SpotifyErrorClass, string]> = [
  [RateLimited, 'errors.rateLimited'],
  [Unavailable, 'errors.unreachable'],
  [Timeout, 'errors.unreachable'],
  [BadResponse, 'errors.unreachable'],
  [PremiumRequired, 'errors.premiumRequired'],
  [NoActiveDevice, 'errors.noActiveDevice'],
  [NotFound, 'errors.notFound'],
];

function speechKeyFor(error: unknown): string {
  const match = SPEECH_FOR.find(([type]) => error instanceof type);
  return match === undefined ? 'errors.generic' : match[1];
}

/**
 * The one place where failures become speech. A 401 means the link expired and a 403 that it lacks
 * a permission: both get the relink card.
 * Everything else gets a sentence that says what happened and what to do; nothing reaches Alexa
 * as an exception.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input, error) {
      const expected = error instanceof SpotifyError;
      logger[expected ? 'warn' : 'error']('request failed', {
        requestType: requestType(input),
        intent: intentName(input),
        error,
      });
      if (error instanceof Unauthorized) return linkAccountResponse(input, 'expired');
      // Linking again grants the permissions Spotify found missing, so the card goes with the sentence.
      if (error instanceof Forbidden) return linkAccountResponse(input, 'refused');
      const { t } = translator(input);
      return input.responseBuilder.speak(t(speechKeyFor(error))).withShouldEndSession(true).getResponse();
    },
  };
}
