import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { translator } from '../i18n';
import { elicitPlaylist } from './playlistRequest';
import { isIntent } from './requestMatchers';
import { forgetPendingQuestions } from './sessionState';

/**
 * "Play a playlist" without a name: ask for it in the same intent rather than guess. Wrapped
 * as linked so an unlinked user hears about linking before being asked for a name.
 */
export const playlistNameElicitationHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'PlayPlaylistIntent', 'PlaylistDetailsIntent') && spokenSlotValue(input, PLAYLIST_SLOT) === undefined,
  handle(input) {
    const { t } = translator(input);
    const action = isIntent(input, 'PlayPlaylistIntent') ? 'play' : 'details';
    forgetPendingQuestions(input);
    return elicitPlaylist(input, action, t(action === 'play' ? 'playlistName.askPlay' : 'playlistName.askDetails'), t('playlistName.askReprompt'));
  },
};
