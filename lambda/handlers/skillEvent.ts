import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { requestType } from '../alexa/requestMatchers';
import { forgetListener, remember, saveRemembered } from '../conversation/listenerMemory';
import type { Logger } from '../logging/logger';
import { MAX_ID_FIELD_CHARS, requestField } from '../logging/redact';

function eventBody(input: HandlerInput): Record<string, unknown> {
  const body: unknown = (input.requestEnvelope.request as { body?: unknown }).body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** When the event happened, as Alexa says; the request's own time, or now, when that is missing or malformed. */
function eventTime(input: HandlerInput): string {
  const request = input.requestEnvelope.request as { eventCreationTime?: unknown; timestamp?: unknown };
  for (const candidate of [request.eventCreationTime, request.timestamp]) {
    if (typeof candidate === 'string' && !Number.isNaN(Date.parse(candidate))) return new Date(candidate).toISOString();
  }
  return new Date().toISOString();
}

/**
 * Skill events (`AlexaSkillEvent.SkillEnabled`, `SkillDisabled`, `SkillAccountLinked`,
 * `SkillPermissionAccepted`, …) arrive outside any session, sent by Alexa rather than said by
 * anyone: they get an empty response, never speech, a reprompt, a card or a directive. Their body
 * may carry the new access token, so only the event's name is logged.
 *
 * What they change in the listener's memory: SkillAccountLinked records when, for the welcome
 * at the next launch; SkillDisabled deletes everything stored for the user, unless Alexa says
 * the user's data persists (`userInformationPersistenceStatus: PERSISTED`, the same userId
 * comes back if they enable the skill again). A failing table changes nothing of the answer.
 */
export function skillEventHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => requestType(input)?.startsWith('AlexaSkillEvent.') === true,
    async handle(input) {
      const event = requestType(input);
      logger.info('skill event', { event: requestField(event, MAX_ID_FIELD_CHARS, logger.secrets.list()) });
      if (event === 'AlexaSkillEvent.SkillAccountLinked') {
        await remember(input, { linkedAt: eventTime(input) });
        await saveRemembered(input);
      } else if (event === 'AlexaSkillEvent.SkillDisabled') {
        const persisted = eventBody(input).userInformationPersistenceStatus === 'PERSISTED';
        const forgotten = !persisted && (await forgetListener(input));
        logger.info('listener memory after the skill was disabled', { kept: persisted, forgotten });
      }
      return input.responseBuilder.getResponse();
    },
  };
}
