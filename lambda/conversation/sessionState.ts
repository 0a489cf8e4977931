import type { HandlerInput } from 'ask-sdk-core';
import { clip } from '../speech/ssml';
import { isSpotifyId } from '../spotify';

/** A playlist the skill has named to the user and may act on in the next turn. */
export interface PlaylistRef {
  readonly id: string;
  readonly name: string;
  /** What playback takes as `context_uri`. */
  readonly uri: string;
  /** Spotify said it has no tracks: there is nothing to play. */
  readonly empty?: true;
  /** Spotify's own (editorial or algorithmic): new apps may play it but not read its details. */
  readonly ownedBySpotify?: boolean;
}

/** What a "which one?" question was asked for. */
export type PlaylistAction = 'play' | 'details';

/**
 * A request that failed on a passing Spotify fault, kept while "want me to try again?" is pending:
 * the launch, or an intent with its slot values as Alexa heard them.
 */
export type RetryRequest = { readonly launch: true } | { readonly intent: string; readonly slots: Readonly<Record<string, string>> };

/**
 * What the skill remembers between turns of one session, in session attributes (Lambda keeps
 * nothing between requests). Read defensively: the attributes come back from the device.
 */
export interface SessionState {
  /** Set while "want to hear more?" is pending: where the next page of playlists starts. */
  listNextOffset?: number;
  /** Set while "Did you mean A or B?" is pending. */
  pendingChoice?: { readonly action: PlaylistAction; readonly choices: readonly PlaylistRef[] };
  /** Set while a yes/no offer is pending: "want me to list your playlists?" or "want me to play it?". */
  offer?: { readonly kind: 'list' } | { readonly kind: 'play'; readonly playlist: PlaylistRef };
  /** How many of the user's playlists were last sent to Alexa as dynamic entities in this session. */
  playlistEntitiesSent?: number;
  /** Set while "want me to try again?" is pending after Spotify failed: what to repeat on "yes". */
  retry?: RetryRequest;
  /** The names last read out from the list, and where they start in it: "the third one" points into them. */
  listed?: { readonly offset: number; readonly playlists: readonly PlaylistRef[] };
  /** The playlist last described: "play it" points at it. */
  described?: PlaylistRef;
  /** The user's playlists as this session last saw all of them (lambda/conversation/libraryIndex.ts). */
  library?: LibraryIndex;
}

/**
 * One playlist of the library index: id, name (clipped), a short digest of Spotify's snapshot_id,
 * and a 1 when Spotify said it has no tracks. Arrays, not objects: hundreds of them travel in
 * every response of the session.
 */
export type LibraryEntry = readonly [id: string, name: string, version: string] | readonly [id: string, name: string, version: string, empty: 1];

export interface LibraryIndex {
  /** Spotify's total when the index was made: a page with another total means it is stale. */
  readonly total: number;
  /** In Spotify's order, as many as a spoken name is matched against. */
  readonly entries: readonly LibraryEntry[];
}

const MAX_REMEMBERED_CHOICES = 5;
/** A page read out is at most this long (playlistPages.ts reads five). */
const MAX_LISTED = 10;
/** As many playlists as a spoken name is matched against. */
export const MAX_INDEXED_PLAYLISTS = 300;
/** Nobody says more of a name than this; the index stays small. */
export const MAX_INDEXED_NAME_CHARS = 60;
const VERSION = /^[0-9a-z]{0,8}$/;
const MAX_URI_CHARS = 128;
/** Intent and slot names as the interaction model allows them. */
export const MODEL_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,99}$/;
/** The intents here have one slot; a few leave room for more without letting the attributes grow. */
const MAX_RETRY_SLOTS = 4;
/** Longer than any name a person says; a longer value is not ours. */
export const MAX_RETRY_SLOT_CHARS = 200;

/** A plain object (not null, not an array), as stored state must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * A playlist as the session remembers it: only what the next turn needs, the name clipped as it
 * is spoken, because the attributes travel in every response and Spotify names have no length limit.
 */
export function playlistRef({ id, name, uri, empty, trackCount, ownedBySpotify }: PlaylistRef & { readonly trackCount?: number | undefined }): PlaylistRef {
  return {
    id,
    name: clip(name),
    uri,
    ...(empty === true || trackCount === 0 ? { empty: true as const } : {}),
    ...(ownedBySpotify === true ? { ownedBySpotify: true } : {}),
  };
}

/** A playlist reference from stored state (session or persistent), checked; undefined when it is not one of ours. */
export function readPlaylistRef(raw: unknown): PlaylistRef | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string' || typeof raw.uri !== 'string') return undefined;
  if (!isSpotifyId(raw.id) || !raw.uri.startsWith('spotify:') || raw.uri.length > MAX_URI_CHARS) return undefined;
  return playlistRef({ id: raw.id, name: raw.name, uri: raw.uri, empty: raw.empty === true ? true : undefined, ownedBySpotify: raw.ownedBySpotify === true });
}

function readPlaylistRefs(raw: unknown, max: number): PlaylistRef[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > max) return undefined;
  const refs = raw.map(readPlaylistRef);
  return refs.some((ref) => ref === undefined) ? undefined : (refs as PlaylistRef[]);
}

function readListed(raw: unknown): SessionState['listed'] {
  if (!isRecord(raw) || !(raw.offset === 0 || isPositiveInteger(raw.offset))) return undefined;
  const playlists = readPlaylistRefs(raw.playlists, MAX_LISTED);
  return playlists === undefined ? undefined : { offset: raw.offset, playlists };
}

function readLibraryEntry(raw: unknown): LibraryEntry | undefined {
  if (!Array.isArray(raw) || raw.length < 3 || raw.length > 4) return undefined;
  const [id, name, version, empty] = raw as unknown[];
  if (!isSpotifyId(id) || typeof name !== 'string' || typeof version !== 'string' || !VERSION.test(version)) return undefined;
  if (raw.length === 4 && empty !== 1) return undefined;
  const clipped = clip(name, MAX_INDEXED_NAME_CHARS);
  return raw.length === 4 ? [id, clipped, version, 1] : [id, clipped, version];
}

/** The whole index or nothing: a partly readable one would make the names it lost unfindable. */
function readLibrary(raw: unknown): LibraryIndex | undefined {
  if (!isRecord(raw) || !(raw.total === 0 || isPositiveInteger(raw.total)) || !Array.isArray(raw.entries)) return undefined;
  if (raw.entries.length > MAX_INDEXED_PLAYLISTS || raw.entries.length !== Math.min(raw.total, MAX_INDEXED_PLAYLISTS)) return undefined;
  const entries = raw.entries.map(readLibraryEntry);
  return entries.some((entry) => entry === undefined) ? undefined : { total: raw.total, entries: entries as LibraryEntry[] };
}

function readPendingChoice(raw: unknown): SessionState['pendingChoice'] {
  if (!isRecord(raw) || (raw.action !== 'play' && raw.action !== 'details') || !Array.isArray(raw.choices)) return undefined;
  const choices = readPlaylistRefs(raw.choices.slice(0, MAX_REMEMBERED_CHOICES), MAX_REMEMBERED_CHOICES);
  return choices === undefined ? undefined : { action: raw.action, choices };
}

function readOffer(raw: unknown): SessionState['offer'] {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === 'list') return { kind: 'list' };
  const playlist = raw.kind === 'play' ? readPlaylistRef(raw.playlist) : undefined;
  return playlist === undefined ? undefined : { kind: 'play', playlist };
}

function readRetry(raw: unknown): SessionState['retry'] {
  if (!isRecord(raw)) return undefined;
  if (raw.launch === true) return { launch: true };
  if (typeof raw.intent !== 'string' || !MODEL_NAME.test(raw.intent) || !isRecord(raw.slots)) return undefined;
  const slots = Object.entries(raw.slots);
  const valid = slots.length <= MAX_RETRY_SLOTS
    && slots.every(([name, value]) => MODEL_NAME.test(name) && typeof value === 'string' && value.length <= MAX_RETRY_SLOT_CHARS);
  return valid ? { intent: raw.intent, slots: Object.fromEntries(slots) as Record<string, string> } : undefined;
}

/** The attributes Alexa sent back, or undefined out of session (the SDK throws when asked for them then). */
function sessionAttributes(input: HandlerInput): Record<string, unknown> | undefined {
  if (!isRecord(input.requestEnvelope?.session)) return undefined;
  const raw: unknown = input.attributesManager.getSessionAttributes();
  return isRecord(raw) ? raw : {};
}

export function readSession(input: HandlerInput): SessionState {
  const raw = sessionAttributes(input);
  const state: SessionState = {};
  if (raw === undefined) return state;
  if (isPositiveInteger(raw.listNextOffset)) state.listNextOffset = raw.listNextOffset;
  const pendingChoice = readPendingChoice(raw.pendingChoice);
  if (pendingChoice !== undefined) state.pendingChoice = pendingChoice;
  const offer = readOffer(raw.offer);
  if (offer !== undefined) state.offer = offer;
  if (isPositiveInteger(raw.playlistEntitiesSent)) state.playlistEntitiesSent = raw.playlistEntitiesSent;
  const retry = readRetry(raw.retry);
  if (retry !== undefined) state.retry = retry;
  const listed = readListed(raw.listed);
  if (listed !== undefined) state.listed = listed;
  const described = readPlaylistRef(raw.described);
  if (described !== undefined) state.described = described;
  const library = readLibrary(raw.library);
  if (library !== undefined) state.library = library;
  return state;
}

/** A copy of `attributes` with the given fields set; a field given as undefined is left out. */
export function withChanges(attributes: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const next = { ...attributes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Sets the given fields; a field given as undefined is forgotten. */
export function updateSession(input: HandlerInput, changes: { [K in keyof SessionState]?: SessionState[K] | undefined }): void {
  const current = sessionAttributes(input);
  // Out of session there is no next turn to remember anything for.
  if (current === undefined) return;
  input.attributesManager.setSessionAttributes(withChanges(current, changes));
}

/**
 * Keeps only what the skill itself stores, checked. Alexa echoes the attributes back in every
 * response, so anything else in them (a tampered or oversized object) would be sent back each
 * turn and could push the response past Alexa's 24 KB.
 */
export function keepOnlyKnownSessionState(input: HandlerInput): void {
  if (sessionAttributes(input) === undefined) return;
  input.attributesManager.setSessionAttributes({ ...readSession(input) });
}

/** A new question replaces whatever the previous turn was waiting for. */
export function forgetPendingQuestions(input: HandlerInput): void {
  updateSession(input, { listNextOffset: undefined, pendingChoice: undefined, offer: undefined });
}
