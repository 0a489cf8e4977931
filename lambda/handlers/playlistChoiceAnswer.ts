import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { translator } from '../i18n';
import { readChoiceAnswer } from '../matching';
import { closeOnNo } from '../conversation/closing';
import { actOnPlaylist, answerPlaylistRequest, askWhich, INTENT_FOR } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';
import { readSession } from '../conversation/sessionState';
import { spokenLanguage } from '../conversation/spokenLanguage';

/**
 * The answer to "Did you mean Deep Focus or Deep House?": it arrives in the intent that asked,
 * with the slot filled. A name or "the first one" among the offered ones decides; "no" or
 * "neither" closes as "no" does elsewhere; "yes" or "the third one" of two asks again; anything
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
    const choices = pending?.choices ?? [];
    const answer = spokenSlotValue(input, PLAYLIST_SLOT) ?? '';
    const reading = readChoiceAnswer(answer, choices, spokenLanguage(input));
    switch (reading.kind) {
      case 'picked':
        return actOnPlaylist(input, spotify, action, reading.item);
      case 'declined':
        return closeOnNo(input);
      case 'unclear':
        return askWhich(input, action, choices);
      case 'beyondChoices':
        return askWhich(input, action, choices, translator(input).t('playlistName.onlyChoices', { count: choices.length }));
      default:
        return answerPlaylistRequest(input, spotify, action, answer);
    }
  },
};
