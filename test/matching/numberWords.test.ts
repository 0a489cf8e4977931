import { ENGLISH, FRENCH, GERMAN, normaliseName, SPANISH, spokenForms, type MatchingLanguage } from '../../lambda/matching';

const LANGUAGES: ReadonlyArray<readonly [string, MatchingLanguage]> = [
  ['German', GERMAN],
  ['French', FRENCH],
  ['Spanish', SPANISH],
];

describe.each([
  ['German', GERMAN, [
    ['zweiundzwanzig', '22'], ['zwei und zwanzig', '22'], ['einundzwanzig', '21'], ['dreihundertfünfundsechzig', '365'], ['einhundert', '100'],
    ['hundert', '100'], ['zweitausendvierundzwanzig', '2024'], ['neunzehnhundertneunundneunzig', '1999'], ['zwölf', '12'], ['dreißig', '30'],
    ['zwo', '2'], ['die zweite', 'die 2'], ['erster mai', '1 mai'], ['1. Mai', '1 mai'], ['die neunziger', 'die 90er'], ['90s', '90er'],
    ['zwei drei', '2 3'], ['rock und roll', 'rock und roll'], ['achtung', 'achtung'], ['ein lied', 'ein lied'], ['eine playlist', 'eine playlist'],
    ['elfen', 'elfen'], ['workout 20 4', 'workout 20 4'],
  ]],
  ['French', FRENCH, [
    ['vingt et un', '21'], ['vingt deux', '22'], ['soixante et onze', '71'], ['soixante douze', '72'], ['quatre vingts', '80'], ['quatre-vingt-dix-neuf', '99'],
    ['dix sept', '17'], ['deux cents', '200'], ['deux cent trois', '203'], ['mille neuf cent quatre vingt dix neuf', '1999'], ['deux mille vingt quatre', '2024'],
    ['septante', '70'], ['la deuxième', 'la 2e'], ['1ère', '1e'], ['2ème', '2e'], ['deux trois', '2 3'], ['rock et roll', 'rock et roll'], ['deux et deux', '2 et 2'],
  ]],
  ['Spanish', SPANISH, [
    ['veintitrés', '23'], ['treinta y dos', '32'], ['ciento uno', '101'], ['cien', '100'], ['doscientas', '200'], ['quinientos cincuenta', '550'],
    ['mil novecientos noventa y nueve', '1999'], ['dos mil veinticuatro', '2024'], ['dieciséis', '16'], ['la segunda', 'la 2o'], ['1ª', '1o'], ['2do', '2o'],
    ['dos tres', '2 3'], ['rock y roll', 'rock y roll'], ['dos y dos', '2 y 2'],
  ]],
] as const)('number words in %s', (_name, language, rows) => {
  it.each(rows)('reads "%s" as "%s"', (said, normalised) => {
    expect(normaliseName(said, language)).toBe(normalised);
  });
});

describe.each(LANGUAGES)('numbers as %s speakers say them', (_name, language) => {
  it('reads back every number from 0 to 2100 and every year up to 9999 from the words it teaches Alexa', () => {
    const numbers = [...Array.from({ length: 2101 }, (_, value) => value), 2500, 3999, 7070, 9999];
    const misread = numbers.filter((value) => normaliseName(language.digitsAsWords([String(value)]).join(' '), language) !== String(value));

    expect(misread).toEqual([]);
  });

  it('teaches Alexa the number in words as a synonym of a name with digits, and keeps other words', () => {
    expect(spokenForms('Top 50 — Global', language).synonyms).toContain(`top ${language.digitsAsWords(['50'])[0]!} global`);
    expect(language.digitsAsWords(['top', '007', '12345'])).toEqual(['top', '007', '12345']);
  });
});

describe('English number words', () => {
  it('stay as they were, with "one" as a digit in "neither one"', () => {
    expect(normaliseName('twenty twenty four', ENGLISH)).toBe('2024');
    expect(normaliseName('neither one', ENGLISH)).toBe('neither 1');
  });
});
