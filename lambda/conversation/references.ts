import type { HandlerInput } from 'ask-sdk-core';
import { exactlyNamed, readReference } from '../matching';
import { readSession, type PlaylistRef, type SessionState } from './sessionState';
import { spokenLanguage } from './spokenLanguage';

/*
 * "Play the third one", "tell me about number two", "play it": words that point at a playlist
 * the user just heard of, resolved from what the session remembers, without asking Spotify.
 */

/** What the words point at, given what the user has heard. */
export type Pointed =
  | { readonly kind: 'playlist'; readonly playlist: PlaylistRef }
  /** "That one" after several names: which of them? */
  | { readonly kind: 'whichOfListed' }
  /** "The seventh one" after five names. */
  | { readonly kind: 'beyondListed'; readonly count: number }
  /** Pointing words, and nothing heard to point at; `position` when they were an ordinal. */
  | { readonly kind: 'nothingHeard'; readonly position: boolean };

type Listed = NonNullable<SessionState['listed']>;

/**
 * Index into the names read out for position `n`: the number shown beside a name on the card
 * and the screen ("7. Road Trip" on the second page), or else its place among the names heard.
 */
function indexOfPosition(listed: Listed, n: number): number | undefined {
  const count = listed.playlists.length;
  if (listed.offset > 0 && n > listed.offset && n <= listed.offset + count) return n - listed.offset - 1;
  return n >= 1 && n <= count ? n - 1 : undefined;
}

/**
 * What `spoken` points at, or undefined when it names a playlist rather than pointing at one.
 * A name just read out, said whole, counts as pointing at it (a playlist may be called "The
 * Last One"); ordinals point into the names last listed, or at the playlist last described;
 * "it" and "that one" at the playlist last described, or at the only name listed.
 */
export function resolvePointing(input: HandlerInput, spoken: string): Pointed | undefined {
  const { listed, described } = readSession(input);
  const heard = [...(described === undefined ? [] : [described]), ...(listed?.playlists ?? [])];
  const language = spokenLanguage(input);
  const named = exactlyNamed(spoken, heard, language);
  if (named !== undefined) return { kind: 'playlist', playlist: named };

  const reference = readReference(spoken, language);
  if (reference === undefined) return undefined;
  if (reference.kind === 'this') {
    const only = described ?? (listed?.playlists.length === 1 ? listed.playlists[0] : undefined);
    if (only !== undefined) return { kind: 'playlist', playlist: only };
    return listed === undefined ? { kind: 'nothingHeard', position: false } : { kind: 'whichOfListed' };
  }
  const among: Listed | undefined = listed ?? (described === undefined ? undefined : { offset: 0, playlists: [described] });
  if (among === undefined) return reference.kind === 'position' && !reference.explicit ? undefined : { kind: 'nothingHeard', position: true };
  const index = reference.kind === 'last' ? among.playlists.length - 1 : indexOfPosition(among, reference.position);
  if (index !== undefined) return { kind: 'playlist', playlist: among.playlists[index]! };
  // A bare "two" beyond the names heard may be a playlist called "2".
  return reference.kind === 'position' && !reference.explicit ? undefined : { kind: 'beyondListed', count: among.playlists.length };
}
