import type { RequestHandler } from 'ask-sdk-core';
import { requestType } from '../alexa/requestMatchers';
import type { Logger } from '../logging/logger';
import { MAX_ID_FIELD_CHARS, requestField } from '../logging/redact';

/**
 * Skill events (`AlexaSkillEvent.SkillEnabled`, `SkillDisabled`, `SkillAccountLinked`,
 * `SkillPermissionAccepted`, …) arrive outside any session, sent by Alexa rather than said by
 * anyone: they get an empty response, never speech, a reprompt, a card or a directive. Their body
 * may carry the new access token, so only the event's name is logged.
 */
export function skillEventHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => requestType(input)?.startsWith('AlexaSkillEvent.') === true,
    handle(input) {
      logger.info('skill event', { event: requestField(requestType(input), MAX_ID_FIELD_CHARS, logger.secrets.list()) });
      return input.responseBuilder.getResponse();
    },
  };
}
