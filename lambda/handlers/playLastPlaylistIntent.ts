import type { LinkedRequestHandler } from '../accountLinking/guard';
import { isIntent } from '../alexa/requestMatchers';
import { playLastPlaylist } from '../conversation/playLastPlaylist';

/** "Play it again", "play my last playlist": the playlist started last time, remembered between sessions. */
export const playLastPlaylistIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'PlayLastPlaylistIntent'),
  handle: playLastPlaylist,
};
