import type { RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import type { Logger } from '../logging/logger';
import { isRequestType } from '../alexa/requestMatchers';

/** Alexa closed the session; it accepts no speech here, only an empty response. */
export function sessionEndedRequestHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'SessionEndedRequest'),
    handle(input) {
      const request = input.requestEnvelope.request as SessionEndedRequest;
      logger.info('session ended', { reason: request.reason, errorType: request.error?.type, errorMessage: request.error?.message });
      return input.responseBuilder.getResponse();
    },
  };
}
