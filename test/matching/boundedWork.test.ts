import { distance } from 'fastest-levenshtein';
import { matchSpokenName, normaliseName, readChoiceAnswer, spokenForms } from '../../lambda/matching';
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

const HUGE_SPOKEN = 'ab'.repeat(125_000);
const library = Array.from({ length: 300 }, (_, index) => ({ name: `Playlist number ${index} ${'x'.repeat(index)}` }));

describe('matching work per request', () => {
  beforeEach(() => measured.mockClear());

  it('compares no more than a couple of hundred characters of a 250 KB spoken name', () => {
    expect(matchSpokenName(HUGE_SPOKEN, library)).toEqual({ kind: 'none' });

    const longest = Math.max(...measured.mock.calls.map(([a, b]) => Math.max(a.length, b.length)));
    expect(measured).toHaveBeenCalled();
    expect(longest).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('compares no more than a couple of hundred characters of a huge playlist name', () => {
    const named = [{ name: `Morning Run ${'and more '.repeat(10_000)}` }];

    matchSpokenName('morning run', named);

    expect(Math.max(...measured.mock.calls.map(([a, b]) => Math.max(a.length, b.length)))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('still matches a name whose first couple of hundred characters were said', () => {
    const long = { name: `Songs ${'to sing along '.repeat(30)}` };

    expect(matchSpokenName(long.name, [long, { name: 'Other' }])).toEqual({ kind: 'found', item: long });
  });

  it('normalises only the first couple of hundred characters, and keeps the result as short even when Unicode expands it', () => {
    expect(normaliseName(HUGE_SPOKEN).length).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
    // U+FDFA decomposes into eighteen letters.
    expect(normaliseName('\uFDFA'.repeat(100)).length).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

  it('reads a huge answer to "which one?" without comparing more than a couple of hundred characters', () => {
    readChoiceAnswer(HUGE_SPOKEN, [{ name: 'Deep Focus' }, { name: 'Deep House' }]);

    expect(Math.max(...measured.mock.calls.map(([a, b]) => Math.max(a.length, b.length)))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });
});

describe('patterns over outside text', () => {
  it('never run over more than a couple of hundred characters of a playlist name when making its spoken forms', () => {
    const hostile = `${'('.repeat(30_000)}${' '.repeat(30_000)}Name`;

    expect(longestPatternInput(() => spokenForms(hostile))).toBeLessThanOrEqual(MAX_MATCHED_CHARS);
  });

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
