import { asSentence, MAX_DESCRIPTION_CHARS, plainDescription } from '../../lambda/speech/plainText';

describe('a Spotify description as plain text', () => {
  it('drops tags, keeps link text and decodes the characters Spotify escapes', () => {
    expect(plainDescription('Upbeat <b>tempo</b> by <a href="spotify:artist:1">DJ &amp; Friends</a>&#x2F;live &#39;24 &quot;hits&quot;')).toBe(
      'Upbeat tempo by DJ & Friends/live \'24 "hits"',
    );
  });

  it('keeps escaped markup as the literal text it stands for', () => {
    expect(plainDescription('Use &lt;b&gt; wisely&nbsp;&unknown; &#0;')).toBe('Use <b> wisely &unknown; &#0;');
  });

  it('has nothing to say for a missing, empty or tag-only description', () => {
    expect(plainDescription(undefined)).toBeUndefined();
    expect(plainDescription('')).toBeUndefined();
    expect(plainDescription('<br/> <p></p>')).toBeUndefined();
  });

  it('shortens a long description at a sentence end when one is near', () => {
    const text = `${'A fine first sentence that goes on for a while. '.repeat(3)}${'word '.repeat(60)}`;
    const short = plainDescription(text)!;
    expect(short.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    expect(short.endsWith('a while.')).toBe(true);
  });

  it('shortens at a word and marks the cut when there is no sentence end', () => {
    const short = plainDescription('word '.repeat(100))!;
    expect(short.endsWith('word…')).toBe(true);
    expect(Array.from(short).length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
  });

  it('cuts a single endless word mid-word rather than say it all', () => {
    expect(plainDescription('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
  });
});

describe('ending a sentence', () => {
  it('adds a full stop only where a sentence does not already end', () => {
    expect(asSentence('Curated by Tom')).toBe('Curated by Tom.');
    expect(asSentence('Is it good?')).toBe('Is it good?');
    expect(asSentence('He said "go."')).toBe('He said "go."');
    expect(asSentence('and so on…')).toBe('and so on…');
  });
});
