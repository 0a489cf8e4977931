import { resourceFile, SUPPORTED_LOCALES } from '../../lambda/i18n';
import { LOCALE_CHAINS } from '../../lambda/i18n/locales';

/*
 * What a translation must keep of the English sentence besides its keys and values (which
 * `npm run validate` checks): a question stays a question, so the session logic that follows
 * the sentence still fits, and nothing is left in English by copying it over.
 */
type Tree = { readonly [key: string]: string | Tree };

function sentences(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : sentences(value, `${prefix}${key}.`)));
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The sentence a locale speaks for a key: its own file first, then the files of its chain. */
function sentenceOf(locale: keyof typeof LOCALE_CHAINS, key: string): string | undefined {
  for (const file of [locale, ...LOCALE_CHAINS[locale]]) {
    const own = resourceFile(file);
    const found = own === undefined ? undefined : lookup(own.translation, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

const ENGLISH = sentences(resourceFile('en-US')!.translation);
/** Not words, or the same word in the language: these may read as in English. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  all: ['listJoin.separator', 'numberFormat.groupSizes', 'numberFormat.minimumGroupingDigits'],
  fr: ['list.cardSummary_other', 'details.cardCollaborative'],
  // Mexico and the United States group digits with a comma, as English does.
  es: ['list.cardSummary_other', 'list.cardSummary_one', 'numberFormat.groupSeparator'],
};

describe.each(SUPPORTED_LOCALES.filter((locale) => !locale.startsWith('en')))('the sentences of %s', (locale) => {
  const language = locale.slice(0, 2);
  const translated = ENGLISH.map(([key, english]) => [key, english, sentenceOf(locale, key) ?? ''] as const);

  it('ask a question where the English does, and only there', () => {
    const mismatched = translated.filter(([, english, own]) => english.trimEnd().endsWith('?') !== own.trimEnd().endsWith('?')).map(([key]) => key);

    expect(mismatched).toEqual([]);
  });

  it('leave nothing in English', () => {
    const allowed = [...SAME_AS_ENGLISH.all!, ...(SAME_AS_ENGLISH[language] ?? [])];
    const copied = translated.filter(([key, english, own]) => own === english && !allowed.includes(key)).map(([key]) => key);

    expect(copied).toEqual([]);
  });
});
