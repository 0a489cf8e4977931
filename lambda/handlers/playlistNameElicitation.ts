import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { askForPlaylistName } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';

/**
 * "Play a playlist" without a name: ask for it in the same intent rather than guess. Wrapped
 * as linked so an unlinked user hears about linking before being asked for a name.
 */
export const playlistNameElicitationHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'PlayPlaylistIntent', 'PlaylistDetailsIntent') && spokenSlotValue(input, PLAYLIST_SLOT) === undefined,
  handle: (input) => askForPlaylistName(input, isIntent(input, 'PlayPlaylistIntent') ? 'play' : 'details'),
};
