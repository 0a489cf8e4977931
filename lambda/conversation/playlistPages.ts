import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { showPanel } from '../alexa/panel';
import { translator } from '../i18n';
import type { Page, PlaylistSummary, SpotifyApi } from '../spotify';
import { seeLibraryPage } from './libraryIndex';
import { teachPageNames } from './playlistEntities';
import { forgetPendingQuestions, playlistRef, updateSession } from './sessionState';

/** No more names than this in one breath. */
export const NAMES_PER_TURN = 5;

/**
 * Speaks one page of playlist names and, when more remain, asks "want to hear more?" and
 * remembers where to continue. Names are escaped for speech and shown as they are on the card
 * and, on a device with a screen, in an APL panel.
 */
export function playlistPageResponse(input: HandlerInput, page: Page<PlaylistSummary>, isFirstPage: boolean): Response {
  const { t, list, spokenName, shownName } = translator(input);
  const names = page.items.map((playlist) => shownName(playlist.name));
  const spokenNames = list(page.items.map((playlist) => spokenName(playlist.name)));
  const nextOffset = page.offset + page.items.length;
  const more = page.items.length > 0 && nextOffset < page.total;

  let intro: string;
  if (!isFirstPage) intro = t('list.next', { count: page.items.length, names: spokenNames });
  else if (more) intro = t('list.first', { count: page.total, shown: names.length, names: spokenNames });
  else intro = t('list.all', { count: page.total, names: spokenNames });

  const question = more ? t('list.wantMore') : isFirstPage ? t('list.afterAll') : t('list.done');
  forgetPendingQuestions(input);
  if (more) updateSession(input, { listNextOffset: nextOffset });
  // "The third one" now means the third of these; "that one" no longer means a playlist described before.
  updateSession(input, { listed: { offset: page.offset, playlists: page.items.map(playlistRef) }, described: undefined });
  seeLibraryPage(input, page);

  teachPageNames(input, page.items);
  showPanel(input, 'playlistList', {
    title: t('list.cardTitle'),
    subtitle: t('list.cardSummary', { count: page.total }),
    lines: names.map((name, index) => `${page.offset + index + 1}. ${name}`),
  });
  return input.responseBuilder
    .speak(`${intro} ${question}`)
    .reprompt(more ? t('list.moreReprompt') : t('list.reprompt'))
    .getResponse();
}

/** "List my playlists": the count and the first few names, or that there are none. */
export async function listFirstPage(input: HandlerInput, spotify: SpotifyApi): Promise<Response> {
  const page = await spotify.playlists.listMine({ limit: NAMES_PER_TURN, offset: 0 });
  if (page.total === 0 || page.items.length === 0) {
    const { t } = translator(input);
    return input.responseBuilder.speak(t('list.none')).withShouldEndSession(true).getResponse();
  }
  return playlistPageResponse(input, page, true);
}
