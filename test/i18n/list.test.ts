import { translatorFor } from '../../lambda/i18n';

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
