import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { linkedAccessToken } from '../accountLinking/accessToken';
import { intentName, requestType } from '../alexa/requestMatchers';
import type { Logger } from '../logging/logger';
import { hashUserId, MAX_ID_FIELD_CHARS, requestField } from '../logging/redact';

/*
 * One line in, one line out, with the facts an operator needs and nothing more: never the
 * envelope (it carries the token), and the user id only as a short hash.
 */

/** Locales are five characters ("en-US"). */
const MAX_LOCALE_CHARS = 16;

/** The request id as logged: clipped, since a forged request may send megabytes in its place. */
function loggedRequestId(input: HandlerInput, logger: Logger): string | undefined {
  return requestField((input.requestEnvelope?.request as { requestId?: unknown } | undefined)?.requestId, MAX_ID_FIELD_CHARS, logger.secrets.list());
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function requestFacts(input: HandlerInput, logger: Logger): Record<string, unknown> {
  const envelope = input.requestEnvelope;
  const request = envelope?.request as { locale?: unknown } | undefined;
  return {
    requestId: loggedRequestId(input, logger),
    requestType: requestField(requestType(input), MAX_ID_FIELD_CHARS, logger.secrets.list()),
    intent: requestField(intentName(input), MAX_ID_FIELD_CHARS, logger.secrets.list()),
    locale: requestField(request?.locale, MAX_LOCALE_CHARS, logger.secrets.list()),
    user: hashUserId(stringOrUndefined(envelope?.context?.System?.user?.userId) ?? stringOrUndefined(envelope?.session?.user?.userId)),
    linked: linkedAccessToken(envelope) !== undefined,
    newSession: typeof envelope?.session?.new === 'boolean' ? envelope.session.new : undefined,
  };
}

/**
 * Runs first: tells the logger which secrets this request carries (the linked access token and
 * Alexa's API token), so that no line written while it is handled can hold them, in any form.
 */
export function requestSecretsInterceptor(logger: Logger): RequestInterceptor {
  return {
    process(input) {
      const envelope = input.requestEnvelope as Partial<typeof input.requestEnvelope> | undefined;
      logger.secrets.add(
        linkedAccessToken(input.requestEnvelope),
        envelope?.context?.System?.user?.accessToken,
        envelope?.session?.user?.accessToken,
        envelope?.context?.System?.apiAccessToken,
        // SkillAccountLinked carries the new token in its body.
        (envelope?.request as { body?: { accessToken?: unknown } } | undefined)?.body?.accessToken,
      );
    },
  };
}

export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process(input) {
      logger.info('request', requestFacts(input, logger));
    },
  };
}

export function responseLoggingInterceptor(logger: Logger): ResponseInterceptor {
  return {
    process(input, response?: Response) {
      const speech = response?.outputSpeech;
      logger.info('response', {
        requestId: loggedRequestId(input, logger),
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
