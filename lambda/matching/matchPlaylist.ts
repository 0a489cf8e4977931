import type { MatchingLanguage } from './language';
import type { Reference } from './languages/references';
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
function rankByName<T extends Named>(spoken: string, candidates: readonly T[], language: MatchingLanguage): Array<Scored<T>> {
  const queries = normaliseSpoken(spoken, language);
  if (queries.length === 0) return [];
  return candidates
    .map((item) => {
      const normalised = normaliseName(item.name, language);
      return { item, normalised, score: Math.max(...queries.map((query) => nameSimilarity(query, normalised))) };
    })
    .filter((scored) => scored.normalised !== '')
    .sort((a, b) => b.score - a.score);
}

/**
 * Finds the playlist the user meant, in the language it was said in (names are compared as that
 * language says them: "rock und roll" is "Rock & Roll" in German). Two names that read the same
 * once normalised ("Chill Vibes" and `Chill "Vibes"`) cannot be told apart by voice: the first
 * (Spotify's order) wins.
 */
export function matchSpokenName<T extends Named>(spoken: string, candidates: readonly T[], language: MatchingLanguage): MatchOutcome<T> {
  const ranked = rankByName(spoken, candidates, language);
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

/** "Deep House" said as the whole name, in any of its spoken forms in `language`: the first candidate named exactly that, or undefined. */
export function exactlyNamed<T extends Named>(spoken: string, candidates: readonly T[], language: MatchingLanguage): T | undefined {
  const queries = normaliseSpoken(spoken, language).map(compact);
  return candidates.find((candidate) => {
    const name = compact(normaliseName(candidate.name, language));
    return name !== '' && queries.includes(name);
  });
}

export type { Reference };

/** What `spoken` points at in `language` ("the third one", "die dritte", "celle-là", "esa"), when it points rather than names. */
export function readReference(spoken: string, language: MatchingLanguage): Reference | undefined {
  return language.readReference(normaliseName(spoken, language));
}

/** The position an ordinal answer names ("the second one" is 1; "the last one" is the last), or undefined. */
function ordinalIndex(answer: string, count: number, language: MatchingLanguage): number | undefined {
  const reference = readReference(answer, language);
  if (reference?.kind === 'last') return count - 1;
  return reference?.kind === 'position' ? reference.position - 1 : undefined;
}

interface AnswerWords {
  /** "No" or "neither" instead of a name: the user wants none of the offered playlists. */
  readonly declining: ReadonlySet<string>;
  /** "Yes" to an either-or question answers nothing. */
  readonly agreeing: ReadonlySet<string>;
}

const ANSWER_WORDS = new Map<MatchingLanguage, AnswerWords>();

/** A language's yes and no answers, normalised as what the user says is, once per language. */
function answerWords(language: MatchingLanguage): AnswerWords {
  let words = ANSWER_WORDS.get(language);
  if (words === undefined) {
    const normalised = (phrases: readonly string[]) => new Set(phrases.map((phrase) => normaliseName(phrase, language)));
    words = { declining: normalised(language.declining), agreeing: normalised(language.agreeing) };
    ANSWER_WORDS.set(language, words);
  }
  return words;
}

/**
 * The answer to "Did you mean A or B?": a name among the offered ones, or "the first one",
 * "the second", "the last one". Undefined when the answer is none of them.
 */
export function pickAmongChoices<T extends Named>(answer: string, choices: readonly T[], language: MatchingLanguage): T | undefined {
  const outcome = matchSpokenName(answer, choices, language);
  if (outcome.kind === 'found') return outcome.item;
  const index = ordinalIndex(answer, choices.length, language);
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

/** "yes" or "no" when the words are only that ("nope", "neither of them", "keine von beiden", "claro"), else undefined. */
export function yesOrNo(spoken: string, language: MatchingLanguage): 'yes' | 'no' | undefined {
  const said = normaliseName(spoken, language);
  const { declining, agreeing } = answerWords(language);
  if (declining.has(said)) return 'no';
  return agreeing.has(said) ? 'yes' : undefined;
}

/**
 * What an answer to "Did you mean A or B?" says. A choice named exactly as said wins over
 * reading it as "no" or "yes" (a playlist may be called "Yes").
 */
export function readChoiceAnswer<T extends Named>(answer: string, choices: readonly T[], language: MatchingLanguage): ChoiceAnswer<T> {
  const said = normaliseName(answer, language);
  const picked = pickAmongChoices(answer, choices, language);
  if (picked !== undefined && normaliseName(picked.name, language) === said) return { kind: 'picked', item: picked };
  const word = yesOrNo(answer, language);
  if (word === 'no') return { kind: 'declined' };
  if (word === 'yes') return { kind: 'unclear' };
  if (picked !== undefined) return { kind: 'picked', item: picked };
  return ordinalIndex(answer, choices.length, language) === undefined ? { kind: 'other' } : { kind: 'beyondChoices' };
}
