import type { ErrorHandler } from 'ask-sdk-core';
import { linkAccountResponse } from '../accountLinking/linkAccountResponse';
import { translator } from '../i18n';
import type { Logger } from '../logging/logger';
import { MAX_ID_FIELD_CHARS, requestField } from '../logging/redact';
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
import { intentName, requestType } from '../alexa/requestMatchers';

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
  [Forbidden, 'errors.forbidden'],
];

function speechKeyFor(error: unknown): string {
  const match = SPEECH_FOR.find(([type]) => error instanceof type);
  return match === undefined ? 'errors.generic' : match[1];
}

/**
 * The one place where failures become speech. A 401 means the link expired or was revoked: the
 * relink card, and only then (any other refusal is not fixed by linking again).
 * Everything else gets a sentence that says what happened and what to do; nothing reaches Alexa
 * as an exception.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input, error) {
      const expected = error instanceof SpotifyError;
      logger[expected ? 'warn' : 'error']('request failed', {
        requestType: requestField(requestType(input), MAX_ID_FIELD_CHARS, logger.secrets.list()),
        intent: requestField(intentName(input), MAX_ID_FIELD_CHARS, logger.secrets.list()),
        error,
      });
      if (error instanceof Unauthorized) return linkAccountResponse(input, 'expired');
      const { t } = translator(input);
      return input.responseBuilder.speak(t(speechKeyFor(error))).withShouldEndSession(true).getResponse();
    },
  };
}
