import { MAX_MATCHED_CHARS, normaliseName } from './normalise';
import { digitsAsWords } from './numberWords';

export interface SpokenForms {
  /** What Alexa should expect to hear for the name. */
  readonly value: string;
  /** Other ways people say it, most likely first. */
  readonly synonyms: readonly string[];
}

/** Decorations people leave out when they say a name: "(2024)", "<Live>", "— Global", "/ Later". */
const DECORATION = /\s*(?:\([^()]*\)|\[[^[\]]*\]|<[^<>]*>|\{[^{}]*\})\s*/g;
const SUBTITLE = /\s+(?:[-–—:|/])\s+.*$/;

/** The spoken-friendly forms of a playlist name, for dynamic entities. */
export function spokenForms(fullName: string): SpokenForms {
  // The patterns above backtrack on long runs of brackets or spaces: they only ever see a bounded name.
  const name = fullName.slice(0, MAX_MATCHED_CHARS);
  const value = normaliseName(name);
  const shortened = [name.replace(DECORATION, ' '), name.replace(SUBTITLE, ''), name.replace(DECORATION, ' ').replace(SUBTITLE, '')];
  const candidates = [...shortened.map(normaliseName), digitsAsWords(value.split(' ')).join(' ')];
  const synonyms = [...new Set(candidates)].filter((synonym) => synonym !== '' && synonym !== value);
  return { value, synonyms };
}
