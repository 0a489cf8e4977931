import { numbersAsDigits } from './numberWords';

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
 * Words people say either letter by letter or as one word, where no spacing rule can tell them
 * apart: "rnb" is "r and b" (the "&" of "R&B" is already "and"). Each spelled form lists the
 * single words that mean it, the usual one first. Spacing alone ("lofi" and "lo fi", "e d m" and
 * "edm") needs no entry: names are compared with the spaces removed (see similarity.ts).
 */
const SPOKEN_SPELLINGS: ReadonlyArray<readonly [spelled: string, words: readonly string[]]> = [['r and b', ['rnb', 'randb']]];
const SPELLED_TOKENS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  SPOKEN_SPELLINGS.flatMap(([spelled, words]) => words.map((word) => [word, spelled.split(' ')])),
);

/**
 * The form in which a playlist name and what Alexa heard can be compared: lower case, no accents,
 * symbols said as words ("&" is "and"), emoji and punctuation gone, numbers as digits. The same
 * function runs on both sides, so "Rock & Roll <Live>" and "rock and roll live" meet.
 */
export function normaliseName(text: string): string {
  let folded = text
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
    .map((token) => (token === 'n' ? 'and' : token))
    .flatMap((token) => SPELLED_TOKENS[token] ?? [token]);
  return numbersAsDigits(tokens).join(' ');
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

/** A normalised name with each spelled-out word as people also say it in one ("r and b" as "rnb"), for synonyms. */
export function spellingsJoined(normalised: string): string {
  let joined = ` ${normalised} `;
  for (const [spelled, [word]] of SPOKEN_SPELLINGS) joined = joined.replaceAll(` ${spelled} `, ` ${word} `);
  return joined.trim();
}
