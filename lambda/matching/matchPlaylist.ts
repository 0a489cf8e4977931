import { compact, normaliseName, normaliseSpoken } from './normalise';
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

/** "Deep House" said as the whole name, in any of its spoken forms: the first candidate named exactly that, or undefined. */
export function exactlyNamed<T extends Named>(spoken: string, candidates: readonly T[]): T | undefined {
  const queries = normaliseSpoken(spoken).map(compact);
  return candidates.find((candidate) => {
    const name = compact(normaliseName(candidate.name));
    return name !== '' && queries.includes(name);
  });
}

/** Words that point at a playlist just heard instead of naming one. */
export type Reference =
  /** "The third one", "number two", "2nd"; a bare "two" is not `explicit`: it may be a name. */
  | { readonly kind: 'position'; readonly position: number; readonly explicit: boolean }
  | { readonly kind: 'last' }
  /** "It", "that one", "this playlist". */
  | { readonly kind: 'this' };

// Matched against normalised words, where "one" is already "1" and "third" is "3rd".
const POSITION_REFERENCE = /^(?:the )?(?:number (\d+)|(\d+)(?:st|nd|rd|th)|(\d)|(last))(?: 1| playlist)?(?: on the list)?(?: please)?$/;
const THIS_REFERENCE = /^(?:it|that|this|that 1|this 1|that playlist|this playlist|the same 1|same 1)(?: please)?$/;

/** What `spoken` points at, when it points rather than names. */
export function readReference(spoken: string): Reference | undefined {
  const said = normaliseName(spoken);
  if (THIS_REFERENCE.test(said)) return { kind: 'this' };
  const match = POSITION_REFERENCE.exec(said);
  if (match === null) return undefined;
  if (match[4] !== undefined) return { kind: 'last' };
  const [numbered, ordinal, bare] = [match[1], match[2], match[3]];
  return { kind: 'position', position: Number.parseInt(numbered ?? ordinal ?? bare ?? '0', 10), explicit: bare === undefined };
}

/** "No" or "neither" instead of a name: the user wants none of the offered playlists. */
const DECLINING_ANSWER = /^(?:no|nope|nah|neither|none|no thanks|no thank you|neither (?:one|of them|of those)|none of (?:them|those))$/;
/** "Yes" to an either-or question answers nothing. */
const UNCLEAR_ANSWER = /^(?:yes|yeah|yep|yup|sure|ok|okay|yes please)$/;

/** The position an ordinal answer names ("the second one" is 1; "the last one" is the last), or undefined. */
function ordinalIndex(answer: string, count: number): number | undefined {
  const reference = readReference(answer);
  if (reference?.kind === 'last') return count - 1;
  return reference?.kind === 'position' ? reference.position - 1 : undefined;
}

/**
 * The answer to "Did you mean A or B?": a name among the offered ones, or "the first one",
 * "the second", "the last one". Undefined when the answer is none of them.
 */
export function pickAmongChoices<T extends Named>(answer: string, choices: readonly T[]): T | undefined {
  const outcome = matchSpokenName(answer, choices);
  if (outcome.kind === 'found') return outcome.item;
  const index = ordinalIndex(answer, choices.length);
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
  return ordinalIndex(answer, choices.length) === undefined ? { kind: 'other' } : { kind: 'beyondChoices' };
}
