import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, Slot } from 'ask-sdk-model';
import { isSpotifyId } from '../spotify';
import { intentName } from './requestMatchers';

/** The slot that names a playlist in PlayPlaylistIntent and PlaylistDetailsIntent. */
export const PLAYLIST_SLOT = 'playlist';
/** Its custom slot type, which dynamic entities extend. */
export const PLAYLIST_SLOT_TYPE = 'PlaylistName';

function slot(input: HandlerInput, name: string): Slot | undefined {
  if (intentName(input) === undefined) return undefined;
  const slots = (input.requestEnvelope.request as IntentRequest).intent.slots;
  const found = slots?.[name];
  return typeof found === 'object' && found !== null ? found : undefined;
}

/** More than anyone says for a playlist's name; the rest of a longer value is dropped. */
export const MAX_SPOKEN_CHARS = 200;

/** A slot's value as heard, trimmed and clipped to {@link MAX_SPOKEN_CHARS}; undefined when it is not text or blank. */
export function spokenValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Nobody says more than this in one slot; a forged request may send megabytes.
  const spoken = value.trimStart().slice(0, MAX_SPOKEN_CHARS).trim();
  return spoken === '' ? undefined : spoken;
}

/** What Alexa heard for the slot, or undefined when the slot is missing or blank. */
export function spokenSlotValue(input: HandlerInput, name: string): string | undefined {
  return spokenValue(slot(input, name)?.value);
}

/**
 * The entity id when the slot resolved to exactly one of the entities this session taught
 * Alexa (the dynamic authority): that is the user's own playlist, better than any fuzzy guess.
 */
export function dynamicEntityId(input: HandlerInput, name: string): string | undefined {
  const authorities = slot(input, name)?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return undefined;
  const dynamic = authorities.find(
    (authority) => typeof authority?.authority === 'string' && authority.authority.startsWith('amzn1.er-authority.echo-sdk.dynamic.'),
  );
  if (dynamic?.status?.code !== 'ER_SUCCESS_MATCH' || dynamic.values?.length !== 1) return undefined;
  const id = dynamic.values[0]?.value?.id;
  // The id becomes part of a Spotify path: "..", "/" or "%2F" must never get that far.
  return isSpotifyId(id) ? id : undefined;
}
