import type { LinkedRequestHandler } from '../accountLinking/guard';
import { translator } from '../i18n';
import { isIntent } from './requestMatchers';
import { NAMES_PER_TURN, playlistPageResponse } from './playlistPages';

/** "List my playlists": the count and the first few names, then "want to hear more?". */
export const listPlaylistsIntentHandler: LinkedRequestHandler = {
  canHandle: (input) => isIntent(input, 'ListPlaylistsIntent'),
  async handle(input, spotify) {
    const page = await spotify.playlists.listMine({ limit: NAMES_PER_TURN, offset: 0 });
    if (page.total === 0 || page.items.length === 0) {
      const { t } = translator(input);
      return input.responseBuilder.speak(t('list.none')).withShouldEndSession(true).getResponse();
    }
    return playlistPageResponse(input, page, true);
  },
};
