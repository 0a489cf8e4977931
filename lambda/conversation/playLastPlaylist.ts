import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translator } from '../i18n';
import { NotFound, type PlaylistDetails, type SpotifyApi } from '../spotify';
import { recall, remember } from './listenerMemory';
import { askForPlaylistName } from './playlistRequest';
import { forgetPendingQuestions, playlistRef } from './sessionState';
import { startPlayback } from './startPlayback';

/**
 * "Play it again": the playlist this listener last started, in any earlier session, on the
 * device that makes sense. Spotify's device list is asked for while the table is read, and
 * the playlist is looked up by id (it may have been renamed, emptied or deleted since).
 * Without a remembered playlist (none yet, no table, a failing table) the user is asked which one.
 */
export async function playLastPlaylist(input: HandlerInput, spotify: SpotifyApi): Promise<Response> {
  const { t, spokenName } = translator(input);
  const devices = spotify.player.devices();
  // Not awaited when there is nothing to play; its failure then means nothing.
  devices.catch(() => undefined);
  const recollection = await recall(input);
  const last = recollection.available ? recollection.memory.lastPlaylist : undefined;
  if (last === undefined) {
    return askForPlaylistName(input, 'play', t(recollection.available ? 'playLast.nothingYet' : 'playLast.unavailable'));
  }
  let current: PlaylistDetails;
  try {
    current = await spotify.playlists.get(last.id);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    await remember(input, { lastPlaylist: undefined });
    return askForPlaylistName(input, 'play', t('playLast.gone', { name: spokenName(last.name) }));
  }
  forgetPendingQuestions(input);
  return startPlayback(input, spotify, playlistRef(current), devices);
}
