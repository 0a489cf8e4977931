import { distance } from 'fastest-levenshtein';
import {
  ENGLISH,
  exactlyNamed,
  FRENCH,
  GERMAN,
  matchSpokenName,
  normaliseName,
  readChoiceAnswer,
  readReference,
  SPANISH,
  spokenForms,
  yesOrNo,
  type MatchingLanguage,
} from '../../lambda/matching';
import { MAX_MATCHED_CHARS } from '../../lambda/matching/normalise';
import { plainDescription } from '../../lambda/speech/plainText';

jest.mock('fastest-levenshtein', () => {
  const actual = jest.requireActual<typeof import('fastest-levenshtein')>('fastest-levenshtein');
  return { ...actual, distance: jest.fn(actual.distance) };
});

/*
 * Outside text (what was said, Spotify's names and descriptions) is the sender's to size. Edit
 * distance is quadratic and some patterns backtrack, so neither may ever see more than a bounded
 * piece of it: these tests watch what reaches them, rather than timing anything.
 */

const measured = distance as jest.MockedFunction<typeof distance>;

/** The longest compared string of any edit distance computed so far. */
function longestCompared(): number {
  return Math.max(...measured.mock.calls.map(([a, b]) => Math.max(a.length, b.length)));
}

/** The longest string any RegExp-driven replace() ran over while `work` ran. */
function longestPatternInput(work: () => unknown): number {
  const original = String.prototype.replace;
  let longest = 0;
  const spy = jest.spyOn(String.prototype, 'replace').mockImplementation(function (this: string, ...args: Parameters<typeof original>) {
    if (args[0] instanceof RegExp) longest = Math.max(longest, this.length);
    return original.apply(this, args);
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return longest;
}

/**
 * The longest text any pattern ran over while `work` ran, however it was run (replace, test, exec,
 * match, split all go through RegExp.prototype.exec once it is replaced).
 */
function longestRegExpInput(work: () => unknown): number {
  const original = RegExp.prototype.exec;
  let longest = 0;
  const spy = jest.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
    longest = Math.max(longest, String(text).length);
    return original.call(this, text);
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return longest;
}

const HUGE_SPOKEN = 'ab'.repeat(125_000);
const library = Array.from({ length: 300 }, (_, index) => ({ name: `Playlist number ${index} ${'x'.repeat(index)}` }));
/** One character that NFKD makes eighteen letters, and one that becomes a word: nothing may grow past the clip. */
const EXPANDING = ['\uFDFA'.repeat(50_000), '&'.repeat(50_000), '%'.repeat(50_000), '@ '.repeat(50_000)];
/** What each language reads as numbers, over and over: the number readers walk every word. */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  en: 'twenty one hundred and '.repeat(10_000),
  de: 'zweiundzwanzigtausendneunhundert '.repeat(10_000),
  fr: 'quatre-vingt-dix-neuf mille ' .repeat(10_000),
  es: 'novecientos noventa y nueve mil '.repeat(10_000),
};
const LANGUAGES: ReadonlyArray<readonly [string, MatchingLanguage]> = [
  ['English', ENGLISH],
  ['German', GERMAN],
  ['French', FRENCH],
  ['Spanish', SPANISH],
];

describe.each(LANGUAGES)('matching work per request in %s', (_name, language) => {
  beforeEach(() => measured.mockClear());

  it('compares no more than a couple of hundred characters of a 250 KB spoken name', () => {
    expect(matchSpokenName(HUGE_SPOKEN, library, language)).toEqual({ kind: 'none' });

    expect(measured).toHaveBeenCalled();
    expect(longestCompared()).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('compares no more than a couple of hundred characters of a huge playlist name', () => {
    const named = [{ name: `Morning Run ${'and more '.repeat(10_000)}` }];

    matchSpokenName('morning run', named, language);

    expect(longestCompared()).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('compares words joined in runs at most twice per word of a name, however many words a huge name has', () => {
    // Single letters make the most words a clipped name can hold, and the longest runs to join.
    const named = [{ name: 'a '.repeat(50_000) }];

    matchSpokenName('a'.repeat(150), named, language);

    const words = normaliseName(named[0]!.name, language).split(' ').length;
    expect(words).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    expect(measured.mock.calls.length).toBeLessThanOrEqual(2 * words + 1);
    expect(longestCompared()).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('still matches a name whose first couple of hundred characters were said', () => {
    const long = { name: `Songs ${'to sing along '.repeat(30)}` };

    expect(matchSpokenName(long.name, [long, { name: 'Other' }], language)).toEqual({ kind: 'found', item: long });
  });

  it.each(EXPANDING.map((text) => [text.slice(0, 2), text]))('keeps the normalised form of "%s…" within the clip, however it expands', (_start, text) => {
    expect(normaliseName(text, language).length).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('reads the language\'s own number words over a huge value without keeping more than the clip', () => {
    const text = NUMBER_WORDS[language.code]!;

    expect(normaliseName(text, language).length).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    expect(longestRegExpInput(() => normaliseName(text, language))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('reads a huge answer to "which one?", a yes or no, a reference and an exact name without comparing or matching more than the clip', () => {
    const choices = [{ name: 'Deep Focus' }, { name: 'Deep House' }];
    const longestPattern = longestRegExpInput(() => {
      readChoiceAnswer(HUGE_SPOKEN, choices, language);
      yesOrNo(HUGE_SPOKEN, language);
      readReference(HUGE_SPOKEN, language);
      exactlyNamed(HUGE_SPOKEN, library, language);
    });

    expect(longestCompared()).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    expect(longestPattern).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('never runs a pattern over more than the clip of a playlist name when making its spoken forms, respellings included', () => {
    const hostile = `${'('.repeat(30_000)}${' '.repeat(30_000)}Name`;
    const shouting = `${'AB-'.repeat(30_000)}x`;
    const letters = 'E.'.repeat(60_000);

    expect(longestPatternInput(() => spokenForms(hostile, language))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    expect(longestRegExpInput(() => [hostile, shouting, letters].forEach((name) => spokenForms(name, language)))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });
});

describe('patterns over outside text', () => {
  it('still drop decorations from an ordinary name', () => {
    expect(spokenForms('K-Pop Hits (2024) [Live] {x} <y>').synonyms).toContain('k pop hits');
  });

  it('never run over more than a few thousand characters of a description', () => {
    const hostile = '<'.repeat(60_000);

    expect(longestPatternInput(() => plainDescription(hostile))).toBeLessThanOrEqual(4000);
  });

  it('keep a run of "<" in a description as text, and drop the tags around it', () => {
    expect(plainDescription('a <<< b <i>c</i>')).toBe('a <<< b c');
  });
});
