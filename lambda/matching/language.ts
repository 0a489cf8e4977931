import { ENGLISH } from './languages/english';
import type { Reference } from './languages/references';
import { FRENCH } from './languages/french';
import { GERMAN } from './languages/german';
import { SPANISH } from './languages/spanish';

/**
 * What matching needs to know about the language a name is said in. Everything here works on
 * text that is already lower case, without accents, with punctuation gone (see normalise.ts).
 */
export interface MatchingLanguage {
  /** ISO 639-1: "en", "de", "fr", "es". */
  readonly code: string;
  /** The word said for "&" and "+"; English "and" and the "n" of "Rock 'n' Roll" are read as this word too. */
  readonly and: string;
  /** "@", "#" before a number, "%" as said. */
  readonly symbolWords: { readonly at: string; readonly number: string; readonly percent: string };
  /** Number words as digits ("zweiundzwanzig" is "22"), ordinals in one spelling, the rest as it is. */
  numbersAsDigits(tokens: readonly string[]): string[];
  /** The other way round, for the synonyms Alexa is taught ("50" as "fünfzig"). */
  digitsAsWords(tokens: readonly string[]): string[];
  /** Articles, possessives and "playlist" said before a name ("die", "la playlist", "mi lista"). */
  readonly leadingFiller: RegExp;
  /** And after it ("Workout-Playlist"). */
  readonly trailingFiller: RegExp;
  /** What normalised words point at instead of naming ("the second one", "die zweite", "la dernière", "celle-là", "esa"); undefined for anything else. */
  readReference(said: string): Reference | undefined;
  /** Whole answers that mean "none of them", written as people say them. */
  readonly declining: readonly string[];
  /** Whole answers that mean only "yes". */
  readonly agreeing: readonly string[];
}

const BY_CODE: Readonly<Record<string, MatchingLanguage>> = { en: ENGLISH, de: GERMAN, fr: FRENCH, es: SPANISH };

/** The language of a locale ("de-DE", "es-MX"); English for any other. */
export function matchingLanguageFor(locale: string | undefined): MatchingLanguage {
  const code = locale?.slice(0, 2) ?? '';
  return Object.hasOwn(BY_CODE, code) ? BY_CODE[code]! : ENGLISH;
}

export { ENGLISH, FRENCH, GERMAN, SPANISH };
