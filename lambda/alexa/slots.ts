import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, Slot } from 'ask-sdk-model';
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

/** What Alexa heard for the slot, or undefined when the slot is missing or blank. */
export function spokenSlotValue(input: HandlerInput, name: string): string | undefined {
  const value = slot(input, name)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
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
  return typeof id === 'string' && id !== '' ? id : undefined;
}
