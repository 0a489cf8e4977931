import type { LinkedRequestHandler } from '../accountLinking/guard';
import { translator } from '../i18n';
import { MAX_PAGE_LIMIT } from '../spotify';
import { recall, remember, welcomeDue } from '../conversation/listenerMemory';
import { seeLibraryPage } from '../conversation/libraryIndex';
import { teachPlaylistNames } from '../conversation/playlistEntities';
import { isRequestType } from '../alexa/requestMatchers';

/**
 * "Alexa, open Playlist Pal". Needs a linked account: fetching the first page of playlists
 * both proves the token works (a 401 here sends the relink card at once) and lets us say how
 * many there are; their names then help Alexa recognise them for the rest of the session.
 * The first launch after linking gets a welcome that says what to try, once.
 */
export const launchRequestHandler: LinkedRequestHandler = {
  canHandle: (input) => isRequestType(input, 'LaunchRequest'),
  async handle(input, spotify) {
    const { t } = translator(input);
    const [page, recollection] = await Promise.all([spotify.playlists.listMine({ limit: MAX_PAGE_LIMIT, offset: 0 }), recall(input)]);
    teachPlaylistNames(input, page.items);
    const welcome = recollection.available && welcomeDue(recollection.memory);
    if (welcome) await remember(input, { welcomedAt: new Date().toISOString() });
    seeLibraryPage(input, page);
    return input.responseBuilder
      .speak(t(welcome ? 'launch.firstWelcome' : 'launch.welcome', { count: page.total }))
      .reprompt(t('launch.reprompt'))
      .getResponse();
  },
};
