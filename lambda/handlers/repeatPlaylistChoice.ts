import type { RequestHandler } from 'ask-sdk-core';
import { askWhich } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';
import { readSession } from '../conversation/sessionState';

/**
 * "Yes" to "Did you mean Deep Focus or Deep House?" answers nothing: the question is asked again,
 * choices kept, rather than falling to "I didn't get that" and leaving the choice open behind it.
 */
export const repeatPlaylistChoiceHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && readSession(input).pendingChoice !== undefined,
  handle(input) {
    const { action, choices } = readSession(input).pendingChoice!;
    return askWhich(input, action, choices);
  },
};
