import type { LinkedRequestHandler } from '../accountLinking/guard';
import { isIntent } from '../alexa/requestMatchers';
import { listFirstPage } from '../conversation/playlistPages';

/** "List my playlists": the count and the first few names, then "want to hear more?". */
export const listPlaylistsIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'ListPlaylistsIntent'),
  handle: listFirstPage,
};
