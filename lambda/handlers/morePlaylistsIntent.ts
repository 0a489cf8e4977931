import type { LinkedRequestHandler } from '../accountLinking/guard';
import { translator } from '../i18n';
import { isIntent } from '../alexa/requestMatchers';
import { NAMES_PER_TURN, playlistPageResponse } from '../conversation/playlistPages';
import { readSession, updateSession } from '../conversation/sessionState';

/** "Yes" or "next" after "want to hear more?": the next few names, from where the last turn stopped. */
export const morePlaylistsIntentHandler: LinkedRequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NextIntent') && readSession(input).listNextOffset !== undefined,
  async handle(input, spotify) {
    const offset = readSession(input).listNextOffset ?? 0;
    const page = await spotify.playlists.listMine({ limit: NAMES_PER_TURN, offset });
    if (page.items.length === 0) {
      // The list shrank since the last turn (a playlist was deleted meanwhile).
      const { t } = translator(input);
      updateSession(input, { listNextOffset: undefined });
      return input.responseBuilder.speak(t('list.done')).reprompt(t('list.reprompt')).getResponse();
    }
    return playlistPageResponse(input, page, false);
  },
};
