import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { matchSpokenName, type MatchOutcome } from '../matching';
import { clip } from '../speech/ssml';
import type { Page, PlaylistSummary } from '../spotify';
import {
  MAX_INDEXED_NAME_CHARS,
  MAX_INDEXED_PLAYLISTS,
  readSession,
  updateSession,
  type LibraryEntry,
  type LibraryIndex,
} from './sessionState';
import { spokenLanguage } from './spokenLanguage';

/*
 * The library index: the user's playlists (id, name, version) as the session last saw all of
 * them, so that a second name in the same session is matched without listing them again. It
 * lives in the session attributes, which travel in every response, so it is kept only while the
 * response stays within Alexa's size limit. Spotify says when it is stale: a page of the list with
 * another total (playlists added or removed) or an unknown playlist drops it; a playlist whose
 * snapshot_id changed (renamed, emptied, filled) is updated from what Spotify just sent; a
 * playlist Spotify no longer has (404) drops it, and the name is looked up afresh.
 */

/** Alexa refuses a response over 24 KB. */
const MAX_RESPONSE_BYTES = 24 * 1024;
/** What the envelope adds around the response and the attributes (version, user agent), with room to spare. */
const ENVELOPE_MARGIN_BYTES = 1024;

/** A short digest of Spotify's snapshot_id: enough to tell that a playlist changed, in a few bytes. */
function versionOf(snapshotId: string | undefined): string {
  if (snapshotId === undefined) return '';
  let hash = 0x811c9dc5;
  for (let at = 0; at < snapshotId.length; at += 1) hash = Math.imul(hash ^ snapshotId.charCodeAt(at), 0x01000193) >>> 0;
  return (hash % 36 ** 5).toString(36);
}

function entryOf(playlist: PlaylistSummary): LibraryEntry {
  const name = clip(playlist.name, MAX_INDEXED_NAME_CHARS);
  const version = versionOf(playlist.snapshotId);
  return playlist.trackCount === 0 ? [playlist.id, name, version, 1] : [playlist.id, name, version];
}

/** An entry in the shape the rest of the conversation takes (the session's playlist references read the same way). */
function summaryOf([id, name, , empty]: LibraryEntry): PlaylistSummary {
  return { id, name, uri: `spotify:playlist:${id}`, ownerName: undefined, trackCount: empty === 1 ? 0 : undefined, snapshotId: undefined };
}

function forget(input: HandlerInput): void {
  updateSession(input, { library: undefined });
}

/**
 * A page of the user's playlists has arrived (a walk, the welcome, a page read out). One that
 * holds all of them, as far as a name is matched, becomes the index; any other is checked against it.
 */
export function seeLibraryPage(input: HandlerInput, page: Page<PlaylistSummary>): void {
  if (page.offset === 0 && page.items.length >= Math.min(page.total, MAX_INDEXED_PLAYLISTS)) {
    const index: LibraryIndex = { total: page.total, entries: page.items.slice(0, MAX_INDEXED_PLAYLISTS).map(entryOf) };
    updateSession(input, { library: index });
    return;
  }
  const library = readSession(input).library;
  if (library === undefined) return;
  if (page.total !== library.total) return forget(input);
  const entries = [...library.entries];
  const positions = new Map(entries.map(([id], at) => [id, at]));
  let changed = false;
  for (const [at, playlist] of page.items.entries()) {
    // Beyond what the index holds, a playlist it does not know is no news.
    if (page.offset + at >= entries.length) break;
    const known = positions.get(playlist.id);
    if (known === undefined) return forget(input);
    if (entries[known]![2] !== versionOf(playlist.snapshotId)) {
      entries[known] = entryOf(playlist);
      changed = true;
    }
  }
  if (changed) updateSession(input, { library: { ...library, entries } });
}

/** Spotify just sent this playlist whole: a changed version updates its entry. */
export function seePlaylist(input: HandlerInput, playlist: PlaylistSummary): void {
  const library = readSession(input).library;
  const at = library?.entries.findIndex(([id]) => id === playlist.id) ?? -1;
  if (library === undefined || at < 0 || library.entries[at]![2] === versionOf(playlist.snapshotId)) return;
  const entries = [...library.entries];
  entries[at] = entryOf(playlist);
  updateSession(input, { library: { ...library, entries } });
}

/** Spotify answered 404 for a playlist the session knew: what else it knows may be as old. */
export function forgetLibrary(input: HandlerInput): void {
  if (readSession(input).library !== undefined) forget(input);
}

export type IndexedMatch = MatchOutcome<PlaylistSummary> & { readonly library: readonly PlaylistSummary[] };

/** `spoken` matched against the index, or undefined when the session has none. */
export function matchInLibraryIndex(input: HandlerInput, spoken: string): IndexedMatch | undefined {
  const library = readSession(input).library;
  if (library === undefined) return undefined;
  const playlists = library.entries.map(summaryOf);
  return { ...matchSpokenName(spoken, playlists, spokenLanguage(input)), library: playlists };
}

/**
 * Run on every response: the index is the one thing in the session that can grow large, so it
 * goes when the whole response would pass Alexa's 24 KB with it.
 */
export function keepResponseWithinLimit(input: HandlerInput, response: Response | undefined): void {
  if (readSession(input).library === undefined) return;
  const bytes = Buffer.byteLength(JSON.stringify({ response, sessionAttributes: input.attributesManager.getSessionAttributes() }));
  if (bytes + ENVELOPE_MARGIN_BYTES > MAX_RESPONSE_BYTES) forget(input);
}
