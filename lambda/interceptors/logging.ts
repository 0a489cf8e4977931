import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { linkedAccessToken } from '../accountLinking/accessToken';
import { intentName, requestType } from '../alexa/requestMatchers';
import type { Logger } from '../logging/logger';
import { hashUserId } from '../logging/redact';

/*
 * One line in, one line out, with the facts an operator needs and nothing more: never the
 * envelope (it carries the token), and the user id only as a short hash.
 */

function requestFacts(input: HandlerInput): Record<string, unknown> {
  const envelope = input.requestEnvelope;
  const request = envelope?.request as { requestId?: string; locale?: string } | undefined;
  return {
    requestId: request?.requestId,
    requestType: requestType(input),
    intent: intentName(input),
    locale: request?.locale,
    user: hashUserId(envelope?.context?.System?.user?.userId ?? envelope?.session?.user?.userId),
    linked: linkedAccessToken(envelope) !== undefined,
    newSession: envelope?.session?.new,
  };
}

export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process(input) {
      logger.info('request', requestFacts(input));
    },
  };
}

export function responseLoggingInterceptor(logger: Logger): ResponseInterceptor {
  return {
    process(input, response?: Response) {
      const speech = response?.outputSpeech;
      logger.info('response', {
        requestId: (input.requestEnvelope?.request as { requestId?: string } | undefined)?.requestId,
        card: response?.card?.type,
        endsSession: response?.shouldEndSession,
        directives: response?.directives?.map((directive) => directive.type),
      });
      if (logger.isEnabled('debug') && speech !== undefined) {
        logger.debug('speech', { ssml: 'ssml' in speech ? speech.ssml : undefined, text: 'text' in speech ? speech.text : undefined });
      }
    },
  };
}
