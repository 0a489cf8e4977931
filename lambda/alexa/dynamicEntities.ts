import type { dialog } from 'ask-sdk-model';
import { spokenForms, type MatchingLanguage } from '../matching';
import { clip } from '../speech/ssml';
import { PLAYLIST_SLOT_TYPE } from './slots';

/*
 * Alexa caps what one session may load as dynamic entities. Its documentation counts values and
 * synonyms together against a limit of 100; staying inside that reading keeps the directive valid
 * on every reading, and keeps the response far below Alexa's 24 KB.
 */
export const MAX_ENTITY_TERMS = 100;
/**
 * Nobody says more of a name than this, and 100 terms of it stay well inside the 24 KB response
 * even when Spotify holds names thousands of characters long.
 */
export const MAX_ENTITY_NAME_CHARS = 80;

export interface EntitySource {
  readonly id: string;
  readonly name: string;
}

/** `text` cut at the last whole word that fits Alexa's limit for an entity value or synonym. */
function withinEntityLimit(text: string): string {
  return text.length <= MAX_ENTITY_NAME_CHARS ? text : text.slice(0, MAX_ENTITY_NAME_CHARS + 1).replace(/\s*\S*$/, '');
}

/**
 * `Dialog.UpdateDynamicEntities` with the user's playlist names (in Spotify's order) and their
 * spoken-friendly synonyms in the user's language: every playlist first gets its name, then synonyms are added in
 * rounds until the budget is spent. Undefined when no name can be said.
 */
export function playlistEntitiesDirective(playlists: readonly EntitySource[], language: MatchingLanguage): dialog.DynamicEntitiesDirective | undefined {
  const seen = new Set<string>();
  const entities: Array<{ id: string; value: string; pending: string[]; synonyms: string[] }> = [];
  for (const playlist of playlists) {
    if (entities.length >= MAX_ENTITY_TERMS) break;
    const forms = spokenForms(clip(playlist.name, MAX_ENTITY_NAME_CHARS), language);
    // Spoken forms can be longer than the clipped name they came from ("&" → "and", "50" → "fifty").
    const value = withinEntityLimit(forms.value);
    if (value === '' || seen.has(playlist.id)) continue;
    seen.add(playlist.id);
    const synonyms = [...new Set(forms.synonyms.map(withinEntityLimit))].filter((synonym) => synonym !== '' && synonym !== value);
    entities.push({ id: playlist.id, value, pending: synonyms, synonyms: [] });
  }
  if (entities.length === 0) return undefined;

  let budget = MAX_ENTITY_TERMS - entities.length;
  while (budget > 0 && entities.some((entity) => entity.pending.length > 0)) {
    for (const entity of entities) {
      const synonym = entity.pending.shift();
      if (synonym === undefined || budget === 0) continue;
      entity.synonyms.push(synonym);
      budget -= 1;
    }
  }
  return {
    type: 'Dialog.UpdateDynamicEntities',
    updateBehavior: 'REPLACE',
    types: [
      {
        name: PLAYLIST_SLOT_TYPE,
        values: entities.map(({ id, value, synonyms }) => ({ id, name: synonyms.length > 0 ? { value, synonyms } : { value } })),
      },
    ],
  };
}
