import { SUPPORTED_LOCALES, translatorFor } from '../../lambda/i18n';

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

  it.each(SUPPORTED_LOCALES)('joins 0 to 4 names in %s exactly as Intl.ListFormat does', (locale) => {
    for (const count of [0, 1, 2, 3, 4]) {
      const items = names.slice(0, count);
      const expected = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);

      expect(translatorFor(locale).list(items)).toBe(expected);
    }
  });

  it('says the Spanish "y" as "e" before a name that starts with the sound "i", as Spanish writes it', () => {
    const { list } = translatorFor('es-MX');

    expect(list(['Deep House', 'Ibiza Chill'])).toBe('Deep House e Ibiza Chill');
    expect(list(['Rock', 'Pop', 'Hip Hop'])).toBe('Rock, Pop e Hip Hop');
    expect(list(['Rock', 'Ímpetu'])).toBe('Rock e Ímpetu');
    expect(list(['Agua', 'Hielo'])).toBe('Agua y Hielo');
    expect(list(['Rock', 'Iowa Nights'])).toBe('Rock y Iowa Nights');
    expect(translatorFor('de-DE').list(['Deep House', 'Ibiza Chill'])).toBe('Deep House und Ibiza Chill');
  });

  it('leaves braces and nesting markers in names as they are', () => {
    expect(translatorFor('en-US').list(['{{head}}', '$t(listJoin.two)'])).toBe('{{head}} and $t(listJoin.two)');
    expect(translatorFor('en-US').list(['{{last}}', 'B'])).toBe('{{last}} and B');
    expect(translatorFor('en-US').list(['{{last}}', '{{head}}', 'C'])).toBe('{{last}}, {{head}}, and C');
  });
});

describe('numbers in sentences', () => {
  const numbers = [0, 7, 999, 1000, 9812, 12345, 100000, 1000000, 123456789, -4200];

  it.each(SUPPORTED_LOCALES)('are written in %s exactly as Intl.NumberFormat writes them (9.812 in German, 9 812 in French)', (locale) => {
    const { t } = translatorFor(locale);
    // "{{count}} playlists": the number is everything before the first plain space.
    const written = numbers.map((count) => t('list.cardSummary', { count }).split(' ')[0]);

    expect(written).toEqual(numbers.map((count) => new Intl.NumberFormat(locale).format(count)));
  });

  it('pick the plural form by the number, not by how it is written', () => {
    expect(translatorFor('fr-FR').t('list.cardSummary', { count: 1000000 })).toBe('1\u202f000\u202f000 de playlists');
    expect(translatorFor('fr-FR').t('list.cardSummary', { count: 1 })).toBe('1 playlist');
    expect(translatorFor('de-DE').t('details.cardTracks', { count: 0 })).toBe('Keine Titel');
  });

  it('leave what is not a whole number as JavaScript writes it', () => {
    expect(translatorFor('de-DE').t('details.cardTracks', { count: 2.5 })).toBe('2.5 Titel');
  });
});

describe('a regional locale', () => {
  it('reads its own words first, then its language\'s, never another language\'s', () => {
    expect(translatorFor('es-US').t('link.speech')).toContain('celular');
    expect(translatorFor('es-US').t('list.wantMore')).toBe(translatorFor('es-ES').t('list.wantMore'));
    expect(translatorFor('en-AU').t('errors.retryReprompt')).toBe('Shall I try again? Say yes or no.');
    expect(translatorFor('en-CA').t('errors.retryReprompt')).toBe('Should I try again? Say yes or no.');
    expect(translatorFor('fr-CA').t('play.noDevice', { name: 'X' })).toContain('haut-parleur');
  });
});
