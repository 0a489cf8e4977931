import { normaliseName, normaliseSpoken } from './normalise';
import { nameSimilarity } from './similarity';

export interface Named {
  readonly name: string;
}

export type MatchOutcome<T> =
  | { readonly kind: 'found'; readonly item: T }
  /** Several names fit about equally well: ask which one (at most {@link MAX_CHOICES}, best first). */
  | { readonly kind: 'ambiguous'; readonly items: readonly T[] }
  | { readonly kind: 'none' };

/** Below this nothing counts as a match (tuned on the table in test/matching). */
const MATCH_THRESHOLD = 0.75;
/** Candidates this close to the best one are real alternatives: the user is asked. */
const AMBIGUITY_MARGIN = 0.05;
/** More than three names in a question is too many to hold in one's head. */
const MAX_CHOICES = 3;

interface Scored<T> {
  readonly item: T;
  readonly normalised: string;
  readonly score: number;
}

/** Every candidate with its best score over the forms of what was said, best first (ties keep Spotify's order). */
function rankByName<T extends Named>(spoken: string, candidates: readonly T[]): Array<Scored<T>> {
  const queries = normaliseSpoken(spoken);
  if (queries.length === 0) return [];
  return candidates
    .map((item) => {
      const normalised = normaliseName(item.name);
      return { item, normalised, score: Math.max(...queries.map((query) => nameSimilarity(query, normalised))) };
    })
    .filter((scored) => scored.normalised !== '')
    .sort((a, b) => b.score - a.score);
}

/**
 * Finds the playlist the user meant. Two names that read the same once normalised
 * ("Chill Vibes" and `Chill "Vibes"`) cannot be told apart by voice: the first (Spotify's order) wins.
 */
export function matchSpokenName<T extends Named>(spoken: string, candidates: readonly T[]): MatchOutcome<T> {
  const ranked = rankByName(spoken, candidates);
  const best = ranked[0];
  if (best === undefined || best.score < MATCH_THRESHOLD) return { kind: 'none' };
  const contenders: Array<Scored<T>> = [];
  for (const scored of ranked) {
    if (scored.score < best.score - AMBIGUITY_MARGIN) break;
    if (!contenders.some((kept) => kept.normalised === scored.normalised)) contenders.push(scored);
  }
  if (contenders.length === 1) return { kind: 'found', item: best.item };
  return { kind: 'ambiguous', items: contenders.slice(0, MAX_CHOICES).map((scored) => scored.item) };
}

const ORDINAL_ANSWER = /^(?:the )?(?:number )?(\d+(?:st|nd|rd|th)|[1-9]|last)(?: 1| playlist)?$/;
/** "No" or "neither" instead of a name: the user wants none of the offered playlists ("one" is "1" once normalised). */
const DECLINING_ANSWER = /^(?:no|nope|nah|neither|none|no thanks|no thank you|neither (?:1|of them|of those)|none of (?:them|those))$/;
/** "Yes" to an either-or question answers nothing. */
const UNCLEAR_ANSWER = /^(?:yes|yeah|yep|yup|sure|ok|okay|yes please)$/;

/** The position an ordinal answer names ("the second one" is 1; "the last one" is the last), or undefined. */
function ordinalIndex(normalised: string, count: number): number | undefined {
  const ordinal = ORDINAL_ANSWER.exec(normalised)?.[1];
  if (ordinal === undefined) return undefined;
  return ordinal === 'last' ? count - 1 : Number.parseInt(ordinal, 10) - 1;
}

/**
 * The answer to "Did you mean A or B?": a name among the offered ones, or "the first one",
 * "the second", "the last one". Undefined when the answer is none of them.
 */
export function pickAmongChoices<T extends Named>(answer: string, choices: readonly T[]): T | undefined {
  const outcome = matchSpokenName(answer, choices);
  if (outcome.kind === 'found') return outcome.item;
  const index = ordinalIndex(normaliseName(answer), choices.length);
  return index === undefined || index < 0 ? undefined : choices[index];
}

export type ChoiceAnswer<T> =
  | { readonly kind: 'picked'; readonly item: T }
  /** "No", "neither of them". */
  | { readonly kind: 'declined' }
  /** "Yes": no choice made. */
  | { readonly kind: 'unclear' }
  /** "The third one" when two were offered. */
  | { readonly kind: 'beyondChoices' }
  /** Anything else: perhaps another playlist's name. */
  | { readonly kind: 'other' };

/** "yes" or "no" when the words are only that ("nope", "neither of them", "sure"), else undefined. */
export function yesOrNo(spoken: string): 'yes' | 'no' | undefined {
  const said = normaliseName(spoken);
  if (DECLINING_ANSWER.test(said)) return 'no';
  return UNCLEAR_ANSWER.test(said) ? 'yes' : undefined;
}

/**
 * What an answer to "Did you mean A or B?" says. A choice named exactly as said wins over
 * reading it as "no" or "yes" (a playlist may be called "Yes").
 */
export function readChoiceAnswer<T extends Named>(answer: string, choices: readonly T[]): ChoiceAnswer<T> {
  const said = normaliseName(answer);
  const picked = pickAmongChoices(answer, choices);
  if (picked !== undefined && normaliseName(picked.name) === said) return { kind: 'picked', item: picked };
  const word = yesOrNo(answer);
  if (word === 'no') return { kind: 'declined' };
  if (word === 'yes') return { kind: 'unclear' };
  if (picked !== undefined) return { kind: 'picked', item: picked };
  return ordinalIndex(said, choices.length) === undefined ? { kind: 'other' } : { kind: 'beyondChoices' };
}
