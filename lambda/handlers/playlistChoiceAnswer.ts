import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { pickAmongChoices } from '../matching';
import { actOnPlaylist, answerPlaylistRequest, INTENT_FOR } from './playlistRequest';
import { isIntent } from './requestMatchers';
import { readSession } from './sessionState';

/**
 * The answer to "Did you mean Deep Focus or Deep House?": it arrives in the intent that asked,
 * with the slot filled. A name or "the first one" among the offered ones decides; anything
 * else is looked up among all the user's playlists as a new request.
 */
export const playlistChoiceAnswerHandler: LinkedRequestHandler = {
  canHandle(input) {
    const pending = readSession(input).pendingChoice;
    return pending !== undefined && isIntent(input, INTENT_FOR[pending.action]) && spokenSlotValue(input, PLAYLIST_SLOT) !== undefined;
  },
  async handle(input, spotify) {
    const pending = readSession(input).pendingChoice;
    const action = pending?.action ?? 'play';
    const answer = spokenSlotValue(input, PLAYLIST_SLOT) ?? '';
    const picked = pickAmongChoices(answer, pending?.choices ?? []);
    if (picked !== undefined) return actOnPlaylist(input, spotify, action, picked);
    return answerPlaylistRequest(input, spotify, action, answer);
  },
};
