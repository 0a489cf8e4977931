import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { speakWhileSlow } from '../alexa/progressiveResponse';
import { dynamicEntityId, PLAYLIST_SLOT } from '../alexa/slots';
import { translator } from '../i18n';
import { matchSpokenName, yesOrNo } from '../matching';
import { clip, escapeSsml } from '../speech/ssml';
import { NotFound, type PlaylistDetails, type PlaylistSummary, type SpotifyApi } from '../spotify';
import { describePlaylist } from './describePlaylist';
import { closeOnNo } from './closing';
import { teachPlaylistNames } from './playlistEntities';
import { forgetPendingQuestions, playlistRef, updateSession, type PlaylistAction, type PlaylistRef } from './sessionState';
import { spokenLanguage } from './spokenLanguage';
import { startPlayback } from './startPlayback';
import type { HandledIntent } from '../alexa/handledIntents';

/** How many of the user's playlists a spoken name is matched against (pages of 50, within the deadline). */
export const MAX_MATCHED_PLAYLISTS = 300;

export const INTENT_FOR: Readonly<Record<PlaylistAction, HandledIntent>> = { play: 'PlayPlaylistIntent', details: 'PlaylistDetailsIntent' };

type Lookup =
  | { readonly kind: 'found'; readonly playlist: PlaylistSummary; readonly details?: PlaylistDetails }
  | { readonly kind: 'ambiguous'; readonly choices: readonly PlaylistSummary[]; readonly library: readonly PlaylistSummary[] }
  | { readonly kind: 'none'; readonly library: readonly PlaylistSummary[] };

async function lookUp(input: HandlerInput, spotify: SpotifyApi, spoken: string): Promise<Lookup> {
  const entityId = dynamicEntityId(input, PLAYLIST_SLOT);
  if (entityId !== undefined) {
    try {
      const details = await spotify.playlists.get(entityId);
      return { kind: 'found', playlist: details, details };
    } catch (error) {
      // Deleted since the session taught Alexa its name: match what was said instead.
      if (!(error instanceof NotFound)) throw error;
    }
  }
  const library = (await spotify.playlists.listAllMine(MAX_MATCHED_PLAYLISTS)).items;
  const outcome = matchSpokenName(spoken, library, spokenLanguage(input));
  if (outcome.kind === 'found') return { kind: 'found', playlist: outcome.item };
  if (outcome.kind === 'ambiguous') return { kind: 'ambiguous', choices: outcome.items, library };
  return { kind: 'none', library };
}

/** Does what was asked with a playlist the user has picked. */
export async function actOnPlaylist(
  input: HandlerInput,
  spotify: SpotifyApi,
  action: PlaylistAction,
  playlist: PlaylistRef,
  details?: PlaylistDetails,
): Promise<Response> {
  forgetPendingQuestions(input);
  if (action === 'play') return startPlayback(input, spotify, playlist);
  return describePlaylist(input, details ?? (await spotify.playlists.get(playlist.id)));
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
export function askForPlaylistName(input: HandlerInput, action: PlaylistAction): Response {
  const { t } = translator(input);
  forgetPendingQuestions(input);
  return elicitPlaylist(input, action, t(action === 'play' ? 'playlistName.askPlay' : 'playlistName.askDetails'), t('playlistName.askReprompt'));
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

function noMatch(input: HandlerInput, spoken: string): Response {
  const { t } = translator(input);
  forgetPendingQuestions(input);
  updateSession(input, { offer: { kind: 'list' } });
  return input.responseBuilder
    .speak(t('playlistName.noMatch', { spoken: escapeSsml(clip(spoken)) }))
    .reprompt(t('playlistName.noMatchReprompt'))
    .getResponse();
}

function noPlaylists(input: HandlerInput): Response {
  const { t } = translator(input);
  return input.responseBuilder.speak(t('playlistName.noPlaylists')).withShouldEndSession(true).getResponse();
}

/**
 * "Play X" or "tell me about X": finds X among the user's playlists and acts on it, asks which
 * one when several fit, or says nothing fits. A slow Spotify gets a "one moment" meanwhile.
 */
export async function answerPlaylistRequest(input: HandlerInput, spotify: SpotifyApi, action: PlaylistAction, spoken: string): Promise<Response> {
  const { t } = translator(input);
  return speakWhileSlow(input, t('playlistName.lookingUp'), async () => {
    const lookup = await lookUp(input, spotify, spoken);
    if (lookup.kind === 'found') return actOnPlaylist(input, spotify, action, playlistRef(lookup.playlist), lookup.details);
    if (lookup.library.length === 0) return noPlaylists(input);
    // "No" or "yes" in answer to "Which playlist should I play?", and no playlist is called that.
    const word = lookup.kind === 'none' ? yesOrNo(spoken, spokenLanguage(input)) : undefined;
    if (word === 'no') return closeOnNo(input);
    if (word === 'yes') return askForPlaylistName(input, action);
    // The session goes on: from now on Alexa knows the user's names.
    teachPlaylistNames(input, lookup.library);
    return lookup.kind === 'ambiguous' ? askWhich(input, action, lookup.choices) : noMatch(input, spoken);
  });
}
