import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { answerPlaylistRequest } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';

/** "Play Morning Run": finds it among the user's playlists and starts it on a Spotify Connect device. */
export const playPlaylistIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'PlayPlaylistIntent') && spokenSlotValue(input, PLAYLIST_SLOT) !== undefined,
  handle: (input, spotify) => answerPlaylistRequest(input, spotify, 'play', spokenSlotValue(input, PLAYLIST_SLOT) ?? ''),
};
