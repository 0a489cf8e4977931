import type { RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import type { Logger } from '../logging/logger';
import { requestField } from '../logging/redact';
import { isRequestType } from '../alexa/requestMatchers';

const MAX_WORD_CHARS = 64;
const MAX_MESSAGE_CHARS = 300;

/** Alexa closed the session; it accepts no speech here, only an empty response. */
export function sessionEndedRequestHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'SessionEndedRequest'),
    handle(input) {
      const request = input.requestEnvelope.request as Partial<SessionEndedRequest>;
      const error = request.error as Partial<NonNullable<SessionEndedRequest['error']>> | undefined;
      // Alexa's own reasons and error types are short words; the message is a sentence or two.
      logger.info('session ended', {
        reason: requestField(request.reason, MAX_WORD_CHARS, logger.secrets.list()),
        errorType: requestField(error?.type, MAX_WORD_CHARS, logger.secrets.list()),
        errorMessage: requestField(error?.message, MAX_MESSAGE_CHARS, logger.secrets.list()),
      });
      return input.responseBuilder.getResponse();
    },
  };
}
