import type { LinkedRequestHandler } from '../accountLinking/guard';
import { listFirstPage } from '../conversation/playlistPages';
import { actOnPlaylist } from '../conversation/playlistRequest';
import { isIntent } from '../alexa/requestMatchers';
import { forgetPendingQuestions, readSession } from '../conversation/sessionState';

/** "Yes" to "want me to list your playlists?" or to "want me to play it?". */
export const acceptOfferIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && readSession(input).offer !== undefined,
  handle(input, spotify) {
    const offer = readSession(input).offer;
    forgetPendingQuestions(input);
    if (offer?.kind === 'play') return actOnPlaylist(input, spotify, 'play', offer.playlist);
    return listFirstPage(input, spotify);
  },
};
