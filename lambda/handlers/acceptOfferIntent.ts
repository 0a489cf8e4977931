import type { LinkedRequestHandler } from '../accountLinking/guard';
import { listPlaylistsIntentHandler } from './listPlaylistsIntent';
import { actOnPlaylist } from './playlistRequest';
import { isIntent } from './requestMatchers';
import { forgetPendingQuestions, readSession } from './sessionState';

/** "Yes" to "want me to list your playlists?" or to "want me to play it?". */
export const acceptOfferIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && readSession(input).offer !== undefined,
  handle(input, spotify) {
    const offer = readSession(input).offer;
    forgetPendingQuestions(input);
    if (offer?.kind === 'play') return actOnPlaylist(input, spotify, 'play', offer.playlist);
    return listPlaylistsIntentHandler.handle(input, spotify);
  },
};
