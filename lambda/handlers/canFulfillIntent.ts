import type { RequestHandler } from 'ask-sdk-core';
import type { canfulfill, Intent } from 'ask-sdk-model';
import { linkedAccessToken } from '../accountLinking/accessToken';
import { isRequestType } from '../alexa/requestMatchers';
import { foreignAnswer, isNameFreeIntent, linkedAnswer, unlinkedAnswer } from '../conversation/canFulfill';
import { spokenLanguage } from '../conversation/spokenLanguage';
import type { Logger } from '../logging/logger';
import { Deadline, SpotifyError, type SpotifyClient } from '../spotify';

export interface CanFulfillOptions {
  readonly spotify: SpotifyClient;
  readonly logger: Logger;
  /** How long the read-only lookup may take; Alexa picks a skill only once the candidates answer. */
  readonly budgetMs: number;
}

/**
 * A name-free request ("Alexa, play my workout playlist"): Alexa asks whether the skill can do
 * it before choosing a skill. The answer is `canFulfillIntent` alone: no speech, no card, no
 * session change, and nothing on Spotify but reading the playlist list. Registered before every
 * other handler, so nothing else ever answers it with speech; a failure is a NO, never an error.
 */
export function canFulfillIntentHandler({ spotify, logger, budgetMs }: CanFulfillOptions): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'CanFulfillIntentRequest'),
    async handle(input) {
      const intent = (input.requestEnvelope.request as Partial<canfulfill.CanFulfillIntentRequest>).intent as Intent | undefined;
      let result: canfulfill.CanFulfillIntent;
      if (!isNameFreeIntent(intent)) {
        result = foreignAnswer(intent);
      } else {
        const token = linkedAccessToken(input.requestEnvelope);
        try {
          result = token === undefined ? unlinkedAnswer(intent) : await linkedAnswer(intent, spotify.forUser(() => token, Deadline.after(budgetMs)), spokenLanguage(input));
        } catch (error) {
          // Spotify down, slow or refusing the token: the skill could not do it now either.
          logger[error instanceof SpotifyError ? 'warn' : 'error']('name-free check failed', { intent: intent.name, error });
          result = foreignAnswer(intent);
        }
      }
      return input.responseBuilder.withCanFulfillIntent(result).getResponse();
    },
  };
}
