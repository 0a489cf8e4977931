import { numbersAsDigits } from './numberWords';

/**
 * How much of a name, or of what was said, takes part in matching. Playlist names are rarely
 * over 100 characters and nobody says more in one breath; beyond this nothing is compared.
 */
export const MAX_MATCHED_CHARS = 200;

/** Letters that Unicode decomposition leaves alone but a speaker pronounces as plain Latin. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/** Symbols that people say as words. */
const SPOKEN_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[&+]/g, ' and '],
  [/@/g, ' at '],
  [/#(?=\s*\d)/g, ' number '],
  [/%/g, ' percent '],
];

/**
 * The form in which a playlist name and what Alexa heard can be compared: lower case, no accents,
 * symbols said as words ("&" is "and"), emoji and punctuation gone, numbers as digits. The same
 * function runs on both sides, so "Rock & Roll <Live>" and "rock and roll live" meet.
 */
export function normaliseName(text: string): string {
  // Clipped before any work: edit distance is quadratic, and a spoken value or a name may be megabytes.
  let folded = text
    .slice(0, MAX_MATCHED_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
  for (const [symbol, word] of SPOKEN_SYMBOLS) folded = folded.replace(symbol, word);
  const tokens = folded
    // "Sunday's" is said "sundays", not "sunday s".
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '')
    // "Rock 'n' Roll".
    .map((token) => (token === 'n' ? 'and' : token));
  // NFKD may make one character many ("ﷺ" is 18 letters): the result is clipped too.
  return numbersAsDigits(tokens.slice(0, MAX_MATCHED_CHARS)).join(' ').slice(0, MAX_MATCHED_CHARS).trim();
}

const LEADING_FILLER = /^(?:(?:my|the|a|an|our) )+/;
const TRAILING_FILLER = / (?:play ?lists?|list)$/;

/**
 * What the user said, normalised, plus the same without the words around a name that the
 * interaction model's samples did not catch ("my", "the", "playlist"). Empty when nothing is left.
 */
export function normaliseSpoken(spoken: string): string[] {
  const full = normaliseName(spoken);
  if (full === '') return [];
  const bare = full.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim();
  return bare === '' || bare === full ? [full] : [full, bare];
}

/** Without spaces: "lofi" and "lo fi", "work out" and "workout" are the same to a listener. */
export function compact(normalised: string): string {
  return normalised.replace(/ /g, '');
}
