import type { canfulfill, Intent } from 'ask-sdk-model';
import { NAME_FREE_INTENTS } from '../alexa/handledIntents';
import { PLAYLIST_SLOT, spokenValue } from '../alexa/slots';
import { matchSpokenName, type MatchingLanguage } from '../matching';
import type { SpotifyApi } from '../spotify';
import { MAX_INDEXED_PLAYLISTS as MAX_MATCHED_PLAYLISTS, MODEL_NAME } from './sessionState';

/*
 * Whether the skill can do what a name-free request asks, as Amazon defines the answer: YES when
 * it understands every slot and can do all of it, NO when it cannot, MAYBE when it understands
 * the request and could finish it with more from the user. Nothing here speaks, remembers or
 * changes anything; the only Spotify call is the read-only list of the user's playlists.
 */

type Answer = canfulfill.CanFulfillIntent;
type SlotAnswer = canfulfill.CanFulfillSlot;

/** More slots than any intent has: the answer names each slot heard, and must stay small. */
const MAX_HEARD_SLOTS = 10;

/**
 * The slot values Alexa heard, by slot name, clipped as every spoken value is; empty slots are
 * not detected slots. Only names a model could have, and only so many: a forged request's
 * thousand slots would otherwise make an answer larger than Alexa takes.
 */
function heardSlots(intent: Intent): Array<[string, string]> {
  const slots = typeof intent.slots === 'object' && intent.slots !== null ? Object.entries(intent.slots) : [];
  return slots
    .flatMap(([name, slot]) => {
      const value = MODEL_NAME.test(name) ? spokenValue((slot as { value?: unknown } | null | undefined)?.value) : undefined;
      return value === undefined ? [] : [[name, value] as [string, string]];
    })
    .slice(0, MAX_HEARD_SLOTS);
}

function answer(canFulfill: canfulfill.CanFulfillIntentValues, slots: Record<string, SlotAnswer>): Answer {
  return Object.keys(slots).length === 0 ? { canFulfill } : { canFulfill, slots };
}

/** Whether this intent is one the skill takes name-free, with only slots it knows. */
export function isNameFreeIntent(intent: Intent | undefined): intent is Intent {
  if (typeof intent?.name !== 'string' || !(NAME_FREE_INTENTS as readonly string[]).includes(intent.name)) return false;
  return heardSlots(intent).every(([name]) => name === PLAYLIST_SLOT);
}

/** An intent the skill does not take name-free (or with a slot it does not know): NO, for every slot too. */
export function foreignAnswer(intent: Intent | undefined): Answer {
  const slots = intent === undefined ? [] : heardSlots(intent);
  return answer('NO', Object.fromEntries(slots.map(([name]): [string, SlotAnswer] => [name, { canUnderstand: 'NO', canFulfill: 'NO' }])));
}

/** Without a linked account nothing can be done: the request would only get the LinkAccount card. */
export function unlinkedAnswer(intent: Intent): Answer {
  const slots = Object.fromEntries(heardSlots(intent).map(([name]): [string, SlotAnswer] => [name, { canUnderstand: 'MAYBE', canFulfill: 'NO' }]));
  return answer('NO', slots);
}

/**
 * The answer for a linked user. Listing needs nothing more. A named playlist is looked up among
 * the user's playlists (read-only): found, YES; several fit, MAYBE (the skill would ask which);
 * none, NO; not all of the playlists read in time, MAYBE (it may be among the rest). No name,
 * MAYBE: the skill would ask for one. An empty playlist cannot be played.
 */
export async function linkedAnswer(intent: Intent, spotify: SpotifyApi, language: MatchingLanguage): Promise<Answer> {
  if (intent.name === 'ListPlaylistsIntent') return { canFulfill: 'YES' };
  const spoken = heardSlots(intent).find(([name]) => name === PLAYLIST_SLOT)?.[1];
  if (spoken === undefined) return { canFulfill: 'MAYBE' };

  const library = await spotify.playlists.listAllMine(MAX_MATCHED_PLAYLISTS);
  const outcome = matchSpokenName(spoken, library.items, language);
  const slot = (canUnderstand: canfulfill.CanUnderstandSlotValues, canFulfill: canfulfill.CanFulfillSlotValues) => ({ [PLAYLIST_SLOT]: { canUnderstand, canFulfill } });
  if (outcome.kind === 'found') {
    const playable = intent.name !== 'PlayPlaylistIntent' || outcome.item.trackCount !== 0;
    return playable ? answer('YES', slot('YES', 'YES')) : answer('NO', slot('YES', 'NO'));
  }
  if (outcome.kind === 'ambiguous') return answer('MAYBE', slot('MAYBE', 'YES'));
  const readAll = library.items.length >= Math.min(library.total, MAX_MATCHED_PLAYLISTS);
  return readAll ? answer('NO', slot('NO', 'NO')) : answer('MAYBE', slot('MAYBE', 'NO'));
}

