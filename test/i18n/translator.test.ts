import { translatorFor } from '../../lambda/i18n';

describe('translatorFor', () => {
  it('keeps one translator per locale and falls back to en-US for unknown locales', () => {
    expect(translatorFor('en-US')).toBe(translatorFor('en-US'));
    expect(translatorFor('xx-XX')).toBe(translatorFor('en-US'));
    expect(translatorFor(undefined).locale).toBe('en-US');
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
  });
});
