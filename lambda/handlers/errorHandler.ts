import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
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
  UserNotRegistered,
} from '../spotify';
import { intentName, requestType } from '../alexa/requestMatchers';
import { rememberForRetry } from '../conversation/retry';
import { offerPlaylistList } from '../conversation/playlistRequest';

type SpotifyErrorClass = abstract new (...args: never[]) => SpotifyError;

/**
 * What the session does after the sentence: a passing fault offers to try again ("yes" repeats
 * the request), a refusal that leaves the playlists within reach offers to list them, and the
 * rest end, offering nothing.
 */
type After = 'retry' | 'offerList' | 'end';

/** What the user hears for each way Spotify can fail (the sentences live in the locale files). */
const ANSWER_FOR: ReadonlyArray<readonly [SpotifyErrorClass, string, After]> = [
  [RateLimited, 'errors.rateLimited', 'retry'],
  [Unavailable, 'errors.unreachable', 'retry'],
  [Timeout, 'errors.unreachable', 'retry'],
  [BadResponse, 'errors.unreachable', 'retry'],
  [NoActiveDevice, 'errors.noActiveDevice', 'retry'],
  [PremiumRequired, 'errors.premiumRequired', 'offerList'],
  [NotFound, 'errors.notFound', 'offerList'],
  [Forbidden, 'errors.forbidden', 'end'],
  // Only the skill's developer can fix it (the app's user list), so there is nothing to offer.
  [UserNotRegistered, 'errors.userNotRegistered', 'end'],
];

/** Not Spotify's doing: a fault of ours, which trying again would only repeat. */
const UNEXPECTED = ['errors.generic', 'end'] as const;

function answerFor(error: unknown): readonly [string, After] {
  const match = ANSWER_FOR.find(([type]) => error instanceof type);
  return match === undefined ? UNEXPECTED : [match[1], match[2]];
}

function answer(input: HandlerInput, error: unknown): Response {
  const { t } = translator(input);
  const [key, after] = answerFor(error);
  if (after === 'retry' && rememberForRetry(input)) {
    return input.responseBuilder.speak(t(key)).reprompt(t('errors.retryReprompt')).getResponse();
  }
  if (after === 'offerList' && input.requestEnvelope.session !== undefined) return offerPlaylistList(input, t(key));
  // Nothing to offer, or no session to hear the answer in.
  const closing = after === 'end' ? key : UNEXPECTED[0];
  return input.responseBuilder.speak(t(closing)).withShouldEndSession(true).getResponse();
}

/**
 * The one place where failures become speech. A 401 means the link expired or was revoked: the
 * relink card, and only then (any other refusal is not fixed by linking again).
 * Everything else gets a sentence that says what happened and what to do, and a session that
 * stays open exactly when the sentence offers something; nothing reaches Alexa as an exception.
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
        ...(error instanceof UserNotRegistered ? { hint: UserNotRegistered.hint } : {}),
      });
      if (error instanceof Unauthorized) return linkAccountResponse(input, 'expired');
      return answer(input, error);
    },
  };
}
