import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { speakWhileSlow } from '../alexa/progressiveResponse';
import { dynamicEntityId, PLAYLIST_SLOT } from '../alexa/slots';
import { translator } from '../i18n';
import { matchSpokenName, yesOrNo } from '../matching';
import { clip, escapeSsml } from '../speech/ssml';
import { NotFound, type Device, type PlaylistDetails, type PlaylistSummary, type SpotifyApi } from '../spotify';
import { describePlaylist, describeUnsharedPlaylist } from './describePlaylist';
import { closeOnNo } from './closing';
import { forgetLibrary, matchInLibraryIndex, seeLibraryPage, seePlaylist } from './libraryIndex';
import { teachPlaylistNames } from './playlistEntities';
import { resolvePointing } from './references';
import { forgetPendingQuestions, MAX_INDEXED_PLAYLISTS, playlistRef, updateSession, type PlaylistAction, type PlaylistRef } from './sessionState';
import { spokenLanguage } from './spokenLanguage';
import { startPlayback } from './startPlayback';
import type { HandledIntent } from '../alexa/handledIntents';

export const INTENT_FOR: Readonly<Record<PlaylistAction, HandledIntent>> = { play: 'PlayPlaylistIntent', details: 'PlaylistDetailsIntent' };

type Lookup =
  | {
      readonly kind: 'found';
      readonly playlist: PlaylistSummary;
      readonly details?: PlaylistDetails;
      /** The device list, asked for while the name was being resolved (play only). */
      readonly devices?: Promise<readonly Device[]>;
    }
  | { readonly kind: 'ambiguous'; readonly choices: readonly PlaylistSummary[]; readonly library: readonly PlaylistSummary[] }
  | { readonly kind: 'none'; readonly library: readonly PlaylistSummary[] };

/** A call started before it is known to be needed: its failure matters only to whoever awaits it. */
function startEarly<T>(call: Promise<T>): Promise<T> {
  call.catch(() => undefined);
  return call;
}

/**
 * Finds the playlist `spoken` names, with as few round trips to Spotify as what the session
 * knows allows: a name Alexa resolved to one of the session's entities, or one the library
 * index holds, is fetched by id; otherwise the user's playlists are listed and matched. To play,
 * the device list is asked for at the same time, since it does not depend on the name.
 */
async function lookUp(input: HandlerInput, spotify: SpotifyApi, action: PlaylistAction, spoken: string): Promise<Lookup> {
  const entityId = dynamicEntityId(input, PLAYLIST_SLOT);
  const indexed = entityId === undefined ? matchInLibraryIndex(input, spoken) : undefined;
  if (indexed?.kind === 'ambiguous') return { kind: 'ambiguous', choices: indexed.items, library: indexed.library };
  const devices = action === 'play' ? startEarly(spotify.player.devices()) : undefined;
  const id = entityId ?? (indexed?.kind === 'found' ? indexed.item.id : undefined);
  if (id !== undefined) {
    try {
      const details = await spotify.playlists.get(id);
      seePlaylist(input, details);
      return { kind: 'found', playlist: details, details, devices };
    } catch (error) {
      // Deleted since the session learnt of it: match what was said against a fresh list instead.
      if (!(error instanceof NotFound)) throw error;
      forgetLibrary(input);
    }
  }
  const walk = await spotify.playlists.listAllMine(MAX_INDEXED_PLAYLISTS);
  seeLibraryPage(input, walk);
  const library = walk.items;
  const outcome = matchSpokenName(spoken, library, spokenLanguage(input));
  if (outcome.kind === 'found') return { kind: 'found', playlist: outcome.item, devices };
  if (outcome.kind === 'ambiguous') return { kind: 'ambiguous', choices: outcome.items, library };
  return { kind: 'none', library };
}

/** Does what was asked with a playlist the user has picked; `details` and `devices` are what is already known or on its way. */
export async function actOnPlaylist(
  input: HandlerInput,
  spotify: SpotifyApi,
  action: PlaylistAction,
  playlist: PlaylistRef,
  details?: PlaylistDetails,
  devices?: Promise<readonly Device[]>,
): Promise<Response> {
  forgetPendingQuestions(input);
  if (action === 'play') return startPlayback(input, spotify, playlist, devices);
  if (details !== undefined) return describePlaylist(input, details);
  let fetched: PlaylistDetails;
  try {
    fetched = await spotify.playlists.get(playlist.id);
  } catch (error) {
    // Spotify hides its own editorial and algorithmic playlists from new apps (404), though they are in the user's list.
    if (error instanceof NotFound && playlist.ownedBySpotify === true) return describeUnsharedPlaylist(input, playlist);
    throw error;
  }
  seePlaylist(input, fetched);
  return describePlaylist(input, fetched);
}

/** The intent again with its playlist slot emptied, for Dialog.ElicitSlot. */
function intentToElicit(action: PlaylistAction): Intent {
  return { name: INTENT_FOR[action], confirmationStatus: 'NONE', slots: { [PLAYLIST_SLOT]: { name: PLAYLIST_SLOT, confirmationStatus: 'NONE' } } };
}

/** Asks for the playlist's name in the same intent, so the answer fills its slot. */
function elicitPlaylist(input: HandlerInput, action: PlaylistAction, speech: string, reprompt: string): Response {
  return input.responseBuilder.speak(speech).reprompt(reprompt).addElicitSlotDirective(PLAYLIST_SLOT, intentToElicit(action)).getResponse();
}

/** "Which playlist should I play?": the name, asked for in the same intent; nothing else is pending. */
export function askForPlaylistName(input: HandlerInput, action: PlaylistAction, preface?: string): Response {
  const { t } = translator(input);
  forgetPendingQuestions(input);
  const question = t(action === 'play' ? 'playlistName.askPlay' : 'playlistName.askDetails');
  return elicitPlaylist(input, action, preface === undefined ? question : `${preface} ${question}`, t('playlistName.askReprompt'));
}

/** "Did you mean A or B?", asked in the intent that needs the answer, with the choices remembered for it. */
export function askWhich(input: HandlerInput, action: PlaylistAction, choices: readonly PlaylistRef[], preface?: string): Response {
  const { t, spokenName } = translator(input);
  // An ambiguous match has two or three choices.
  const [first = '', second = '', third] = choices.map((choice) => spokenName(choice.name));
  const question = third === undefined ? t('playlistName.askWhich2', { first, second }) : t('playlistName.askWhich3', { first, second, third });
  forgetPendingQuestions(input);
  updateSession(input, { pendingChoice: { action, choices: choices.map(playlistRef) } });
  const speech = preface === undefined ? question : `${preface} ${question}`;
  return elicitPlaylist(input, action, speech, `${question} ${t('playlistName.askWhichReprompt')}`);
}

/** `speech`, which ends by offering to list the user's playlists: "yes" accepts it, and nothing else is pending. */
export function offerPlaylistList(input: HandlerInput, speech: string): Response {
  const { t } = translator(input);
  forgetPendingQuestions(input);
  updateSession(input, { offer: { kind: 'list' } });
  return input.responseBuilder.speak(speech).reprompt(t('playlistName.noMatchReprompt')).getResponse();
}

function noMatch(input: HandlerInput, spoken: string): Response {
  const { t } = translator(input);
  return offerPlaylistList(input, t('playlistName.noMatch', { spoken: escapeSsml(clip(spoken)) }));
}

function noPlaylists(input: HandlerInput): Response {
  const { t } = translator(input);
  return input.responseBuilder.speak(t('playlistName.noPlaylists')).withShouldEndSession(true).getResponse();
}

/** "The seventh one" after five names, "that one" after several: which one, asked in the same intent, the names kept. */
function askWhichOfListed(input: HandlerInput, action: PlaylistAction, count?: number): Response {
  const { t } = translator(input);
  const question = t('playlistName.askWhichReprompt');
  const speech = count === undefined ? question : `${t('references.onlyListed', { count })} ${question}`;
  return elicitPlaylist(input, action, speech, question);
}

/** "Play the third one" before anything was read out: offer the list. */
function nothingListed(input: HandlerInput): Response {
  const { t } = translator(input);
  return offerPlaylistList(input, t('references.nothingListed'));
}

/**
 * "Play X", "tell me about the third one": acts on the playlist the words point at or name, asks
 * which one when several fit, or says nothing fits. A slow Spotify gets a "one moment" meanwhile.
 */
export async function answerPlaylistRequest(input: HandlerInput, spotify: SpotifyApi, action: PlaylistAction, spoken: string): Promise<Response> {
  const { t } = translator(input);
  const pointed = resolvePointing(input, spoken);
  if (pointed?.kind === 'whichOfListed') return askWhichOfListed(input, action);
  if (pointed?.kind === 'beyondListed') return askWhichOfListed(input, action, pointed.count);
  return speakWhileSlow(input, t('playlistName.lookingUp'), async () => {
    if (pointed?.kind === 'playlist') return actOnPlaylist(input, spotify, action, pointed.playlist);
    const lookup = await lookUp(input, spotify, action, spoken);
    if (lookup.kind === 'found') return actOnPlaylist(input, spotify, action, playlistRef(lookup.playlist), lookup.details, lookup.devices);
    if (lookup.library.length === 0) return noPlaylists(input);
    // "No" or "yes" in answer to "Which playlist should I play?", and no playlist is called that.
    const word = lookup.kind === 'none' ? yesOrNo(spoken, spokenLanguage(input)) : undefined;
    if (word === 'no') return closeOnNo(input);
    if (word === 'yes') return askForPlaylistName(input, action);
    // "Play it", "the third one", with nothing heard before, and no playlist is called that.
    if (lookup.kind === 'none' && pointed?.kind === 'nothingHeard') return pointed.position ? nothingListed(input) : askForPlaylistName(input, action);
    // The session goes on: from now on Alexa knows the user's names.
    teachPlaylistNames(input, lookup.library);
    return lookup.kind === 'ambiguous' ? askWhich(input, action, lookup.choices) : noMatch(input, spoken);
  });
}
