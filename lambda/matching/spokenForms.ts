import { ENGLISH, type MatchingLanguage } from './language';
import { MAX_MATCHED_CHARS, normaliseName, spellingsJoined } from './normalise';

export interface SpokenForms {
  /** What Alexa should expect to hear for the name. */
  readonly value: string;
  /** Other ways people say it, most likely first. */
  readonly synonyms: readonly string[];
}

/** Decorations people leave out when they say a name: "(2024)", "<Live>", "— Global", "/ Later". */
const DECORATION = /\s*(?:\([^()]*\)|\[[^[\]]*\]|<[^<>]*>|\{[^{}]*\})\s*/g;
const SUBTITLE = /\s+(?:[-–—:|/])\s+.*$/;

/** A hyphen inside a word: "Lo-Fi", "K-Pop", "Hip-Hop" are also said as one word. */
const HYPHEN_IN_WORD = /(?<=\p{L})[-‐‑](?=\p{L})/gu;
/** A short word in capitals, as "EDM" or "AC/DC": said letter by letter. */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,3}(?![\p{L}\p{N}])/gu;
/** Two or more single letters in a row ("e d m", from "E.D.M."): also said as the word they spell. */
const LETTER_RUN = /\b\p{L}(?: \p{L}\b)+/gu;

/**
 * The ways the same words are said joined or apart: hyphenated words as one ("lofi beats"),
 * letters as the word they spell ("edm") and short capitals letter by letter ("e d m"),
 * "r and b" as "rnb". A name written in capitals throughout is shouting, not acronyms.
 */
function respellings(original: string, language: MatchingLanguage): string[] {
  const normalised = normaliseName(original, language);
  const forms = [
    normaliseName(original.replace(HYPHEN_IN_WORD, ''), language),
    normalised.replace(LETTER_RUN, (run) => run.replace(/ /g, '')),
    spellingsJoined(normalised, language),
  ];
  if (/\p{Ll}/u.test(original)) forms.push(normaliseName(original.replace(ACRONYM, (letters) => [...letters].join(' ')), language));
  return forms;
}

/** The spoken-friendly forms of a playlist name in the user's language, for dynamic entities ("Top 50" as "top fünfzig" in German). */
export function spokenForms(fullName: string, language: MatchingLanguage = ENGLISH): SpokenForms {
  // The patterns above backtrack on long runs of brackets or spaces: they only ever see a bounded name.
  const name = fullName.slice(0, MAX_MATCHED_CHARS);
  const value = normaliseName(name, language);
  const shortened = [name.replace(DECORATION, ' '), name.replace(SUBTITLE, ''), name.replace(DECORATION, ' ').replace(SUBTITLE, '')];
  const candidates = [
    ...shortened.map((form) => normaliseName(form, language)),
    language.digitsAsWords(value.split(' ')).join(' '),
    ...[name, ...shortened].flatMap((form) => respellings(form, language)),
  ];
  const synonyms = [...new Set(candidates)].filter((synonym) => synonym !== '' && synonym !== value);
  return { value, synonyms };
}
