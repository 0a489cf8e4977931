import { ENGLISH, type MatchingLanguage } from './language';

/**
 * How much of a name, or of what was said, takes part in matching. Playlist names are rarely
 * over 100 characters and nobody says more in one breath; beyond this nothing is compared.
 */
export const MAX_MATCHED_CHARS = 200;

/** Letters that Unicode decomposition leaves alone but a speaker pronounces as plain Latin. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/**
 * Words people say either letter by letter or as one word, where no spacing rule can tell them
 * apart: "rnb" is "r and b" (the "&" of "R&B" is already "and"; "r und b" in German). Each
 * spelled form lists the single words that mean it, the usual one first. Spacing alone ("lofi"
 * and "lo fi", "e d m" and "edm") needs no entry: names are compared with the spaces removed
 * (see similarity.ts).
 */
function spokenSpellings(language: MatchingLanguage): ReadonlyArray<readonly [spelled: string, words: readonly string[]]> {
  return [[`r ${language.and} b`, ['rnb', `r${language.and}b`, 'randb']]];
}

/** What a language's words make of symbols and spellings, worked out once per language. */
interface LanguageForms {
  /** Symbols that people say as words. */
  readonly symbols: ReadonlyArray<readonly [RegExp, string]>;
  readonly spelledTokens: Readonly<Record<string, readonly string[]>>;
  readonly spellings: ReturnType<typeof spokenSpellings>;
}

const FORMS = new Map<MatchingLanguage, LanguageForms>();

function formsOf(language: MatchingLanguage): LanguageForms {
  let forms = FORMS.get(language);
  if (forms === undefined) {
    const spellings = spokenSpellings(language);
    forms = {
      symbols: [
        [/[&+]/g, ` ${language.and} `],
        [/@/g, ` ${language.symbolWords.at} `],
        [/#(?=\s*\d)/g, ` ${language.symbolWords.number} `],
        [/%/g, ` ${language.symbolWords.percent} `],
      ],
      spelledTokens: Object.fromEntries(spellings.flatMap(([spelled, words]) => words.map((word) => [word, spelled.split(' ')]))),
      spellings,
    };
    FORMS.set(language, forms);
  }
  return forms;
}

/**
 * The form in which a playlist name and what Alexa heard can be compared: lower case, no accents,
 * symbols said as words ("&" is "and", "und", "et" or "y"), emoji and punctuation gone, numbers
 * as digits. The same function runs on both sides, so "Rock & Roll <Live>" and "rock and roll
 * live" meet, and in German so do "rock und roll live" and "rock and roll live".
 */
export function normaliseName(text: string, language: MatchingLanguage = ENGLISH): string {
  const { symbols, spelledTokens } = formsOf(language);
  // Clipped before any work: edit distance is quadratic, and a spoken value or a name may be megabytes.
  let folded = text
    .slice(0, MAX_MATCHED_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
  for (const [symbol, word] of symbols) folded = folded.replace(symbol, word);
  const tokens = folded
    // "Sunday's" is said "sundays", not "sunday s".
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '')
    // "Rock 'n' Roll"; and English "and" in any language: "rock and roll" is said everywhere.
    .map((token) => (token === 'n' || token === 'and' ? language.and : token))
    .flatMap((token) => (Object.hasOwn(spelledTokens, token) ? spelledTokens[token]! : [token]));
  // NFKD may make one character many ("ﷺ" is 18 letters), and symbols become words: the result is clipped too.
  return language.numbersAsDigits(tokens.slice(0, MAX_MATCHED_CHARS)).join(' ').slice(0, MAX_MATCHED_CHARS).trim();
}

/**
 * What the user said, normalised, plus the same without the words around a name that the
 * interaction model's samples did not catch ("my", "the", "playlist"; "die", "la playlist", "mi
 * lista"). Empty when nothing is left.
 */
export function normaliseSpoken(spoken: string, language: MatchingLanguage = ENGLISH): string[] {
  const full = normaliseName(spoken, language);
  if (full === '') return [];
  const bare = full.replace(language.leadingFiller, '').replace(language.trailingFiller, '').trim();
  return bare === '' || bare === full ? [full] : [full, bare];
}

/** Without spaces: "lofi" and "lo fi", "work out" and "workout" are the same to a listener. */
export function compact(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/** A normalised name with each spelled-out word as people also say it in one ("r and b" as "rnb"), for synonyms. */
export function spellingsJoined(normalised: string, language: MatchingLanguage = ENGLISH): string {
  let joined = ` ${normalised} `;
  for (const [spelled, [word]] of formsOf(language).spellings) joined = joined.replaceAll(` ${spelled} `, ` ${word} `);
  return joined.trim();
}
