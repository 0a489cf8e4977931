import { translatorFor } from '../../lambda/i18n';

describe('translatorFor', () => {
  it('keeps one translator per locale and falls back to en-US for unknown locales', () => {
    expect(translatorFor('en-US')).toBe(translatorFor('en-US'));
    expect(translatorFor('xx-XX')).toBe(translatorFor('en-US'));
    expect(translatorFor(undefined).locale).toBe('en-US');
  });

  it.each(['constructor', '__proto__', 'toString'])('treats the locale "%s", a name every object has, as unknown', (locale) => {
    expect(translatorFor(locale)).toBe(translatorFor('en-US'));
  });

  it('inserts a value that looks like a placeholder as it is, and every placeholder of the sentence still gets its value', () => {
    const { t } = translatorFor('en-US');

    expect(t('play.playing', { name: '{{device}} {{count}} $t(goodbye)', device: 'Kitchen Echo' })).toBe(
      'Playing {{device}} {{count}} $t(goodbye) on Kitchen Echo.',
    );
    expect(t('details.summary', { name: '{{owner}}', owner: 'Ana', count: 2 })).toBe('{{owner}}, by Ana, has 2 tracks.');
  });

  it('gives the same sentence for a key without values each time and applies values and plurals on every call', () => {
    const { t } = translatorFor('en-US');

    expect(t('list.wantMore')).toBe('Want to hear more?');
    expect(t('list.wantMore')).toBe('Want to hear more?');
    expect(t('list.cardSummary', { count: 1 })).toBe('1 playlist');
    expect(t('list.cardSummary', { count: 7 })).toBe('7 playlists');
  });
});

describe('translator list', () => {
  const names = ['Rock & Roll', 'Chill', 'Café del Mar', 'Road Trip 🚗'];

  it.each([0, 1, 2, 3, 4])('joins %i names exactly as en-US Intl.ListFormat does', (count) => {
    const items = names.slice(0, count);
    const expected = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' }).format(items);

    expect(translatorFor('en-US').list(items)).toBe(expected);
  });

  it('leaves braces and nesting markers in names as they are', () => {
    expect(translatorFor('en-US').list(['{{head}}', '$t(listJoin.two)'])).toBe('{{head}} and $t(listJoin.two)');
    expect(translatorFor('en-US').list(['{{last}}', 'B'])).toBe('{{last}} and B');
    expect(translatorFor('en-US').list(['{{last}}', '{{head}}', 'C'])).toBe('{{last}}, {{head}}, and C');
  });
});
