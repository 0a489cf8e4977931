import type { LinkedRequestHandler } from '../accountLinking/guard';
import { PLAYLIST_SLOT, spokenSlotValue } from '../alexa/slots';
import { answerPlaylistRequest } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';

/** "Tell me about Chill Vibes": owner, number of tracks, visibility and description. */
export const playlistDetailsIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'PlaylistDetailsIntent') && spokenSlotValue(input, PLAYLIST_SLOT) !== undefined,
  handle: (input, spotify) => answerPlaylistRequest(input, spotify, 'details', spokenSlotValue(input, PLAYLIST_SLOT) ?? ''),
};
