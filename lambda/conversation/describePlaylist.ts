import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { showPanel } from '../alexa/panel';
import { translator, type Translator } from '../i18n';
import { asSentence, plainDescription } from '../speech/plainText';
import { clip, escapeSsml } from '../speech/ssml';
import type { PlaylistDetails } from '../spotify';
import { playlistRef, updateSession, type PlaylistRef } from './sessionState';

function visibilityKey(details: PlaylistDetails): 'collaborative' | 'public' | 'private' | undefined {
  if (details.collaborative) return 'collaborative';
  if (details.isPublic === undefined) return undefined;
  return details.isPublic ? 'public' : 'private';
}

function summary(t: Translator['t'], details: PlaylistDetails, name: string, owner: string | undefined): string {
  const count = details.trackCount;
  if (count === undefined) return owner === undefined ? t('details.summaryUncountedNoOwner', { name }) : t('details.summaryUncounted', { name, owner });
  return owner === undefined ? t('details.summaryNoOwner', { name, count }) : t('details.summary', { name, owner, count });
}

// Keys written out whole, so that a test can tell which sentences the code uses.
const SPOKEN_VISIBILITY = { collaborative: 'details.collaborative', public: 'details.public', private: 'details.private' } as const;
const CARD_VISIBILITY = { collaborative: 'details.cardCollaborative', public: 'details.cardPublic', private: 'details.cardPrivate' } as const;

/** Name, owner, number of tracks, public or private and the description; then "want me to play it?", unless it is empty. */
export function describePlaylist(input: HandlerInput, details: PlaylistDetails): Response {
  const { t, spokenName, shownName } = translator(input);
  const owner = details.ownerName === undefined ? undefined : clip(details.ownerName);
  const description = plainDescription(details.description);
  const visibility = visibilityKey(details);

  const sentences = [summary(t, details, spokenName(details.name), owner === undefined ? undefined : escapeSsml(owner))];
  if (visibility !== undefined) sentences.push(t(SPOKEN_VISIBILITY[visibility]));
  if (description !== undefined) sentences.push(t('details.description', { description: escapeSsml(asSentence(description)) }));
  const playable = details.trackCount !== 0;
  sentences.push(t(playable ? 'details.offerPlay' : 'details.nothingToPlay'));

  showPanel(input, 'playlistDetails', {
    title: shownName(details.name),
    subtitle: owner === undefined ? '' : t('details.cardOwner', { owner }),
    lines: [
      ...(details.trackCount === undefined ? [] : [t('details.cardTracks', { count: details.trackCount })]),
      ...(visibility === undefined ? [] : [t(CARD_VISIBILITY[visibility])]),
      ...(description === undefined ? [] : [description]),
    ],
  });
  updateSession(input, { offer: playable ? { kind: 'play', playlist: playlistRef(details) } : undefined, described: playlistRef(details) });
  return input.responseBuilder
    .speak(sentences.join(' '))
    .reprompt(playable ? t('details.offerPlayReprompt', { name: spokenName(details.name) }) : t('list.reprompt'))
    .getResponse();
}

/**
 * A Spotify-owned playlist whose details Spotify keeps from apps like this one: say so plainly
 * (it is not missing), and still offer to play it, which Spotify allows.
 */
export function describeUnsharedPlaylist(input: HandlerInput, playlist: PlaylistRef): Response {
  const { t, spokenName } = translator(input);
  const name = spokenName(playlist.name);
  updateSession(input, { offer: { kind: 'play', playlist: playlistRef(playlist) } });
  return input.responseBuilder
    .speak(`${t('details.notShared', { name })} ${t('details.offerPlay')}`)
    .reprompt(t('details.offerPlayReprompt', { name }))
    .getResponse();
}
