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
}

/** What a "which one?" question was asked for. */
export type PlaylistAction = 'play' | 'details';

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
}

const MAX_REMEMBERED_CHOICES = 5;
const MAX_URI_CHARS = 128;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * A playlist as the session remembers it: only what the next turn needs, the name clipped as it
 * is spoken, because the attributes travel in every response and Spotify names have no length limit.
 */
export function playlistRef({ id, name, uri, empty, trackCount }: PlaylistRef & { readonly trackCount?: number | undefined }): PlaylistRef {
  return empty === true || trackCount === 0 ? { id, name: clip(name), uri, empty: true } : { id, name: clip(name), uri };
}

function readPlaylistRef(raw: unknown): PlaylistRef | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string' || typeof raw.uri !== 'string') return undefined;
  if (!isSpotifyId(raw.id) || !raw.uri.startsWith('spotify:') || raw.uri.length > MAX_URI_CHARS) return undefined;
  return playlistRef({ id: raw.id, name: raw.name, uri: raw.uri, ...(raw.empty === true ? { empty: true } : {}) });
}

function readPendingChoice(raw: unknown): SessionState['pendingChoice'] {
  if (!isRecord(raw) || (raw.action !== 'play' && raw.action !== 'details') || !Array.isArray(raw.choices)) return undefined;
  const choices = raw.choices.slice(0, MAX_REMEMBERED_CHOICES).map(readPlaylistRef);
  if (choices.length === 0 || choices.some((choice) => choice === undefined)) return undefined;
  return { action: raw.action, choices: choices as PlaylistRef[] };
}

function readOffer(raw: unknown): SessionState['offer'] {
  if (!isRecord(raw)) return undefined;
  if (raw.kind === 'list') return { kind: 'list' };
  const playlist = raw.kind === 'play' ? readPlaylistRef(raw.playlist) : undefined;
  return playlist === undefined ? undefined : { kind: 'play', playlist };
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
  return state;
}

/** Sets the given fields; a field given as undefined is forgotten. */
export function updateSession(input: HandlerInput, changes: { [K in keyof SessionState]?: SessionState[K] | undefined }): void {
  const current = sessionAttributes(input);
  // Out of session there is no next turn to remember anything for.
  if (current === undefined) return;
  const attributes = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete attributes[key];
    else attributes[key] = value;
  }
  input.attributesManager.setSessionAttributes(attributes);
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
