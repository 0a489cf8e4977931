/*
 * The locales the skill speaks, and where each one finds a sentence. One file per language holds
 * every sentence (en-US, de-DE, fr-FR, es-ES); a regional file holds only the sentences that
 * region words differently (en-GB's lists have no comma before "and" and it asks "shall I",
 * which Australia and India share; es-MX says "celular").
 */

/** Any other locale gets this one. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * Each supported locale, with the files it reads after its own, in order. A chain never leaves
 * its language: a German listener is never answered in English because a sentence is missing
 * (`npm run validate` refuses a language file without every key).
 */
export const LOCALE_CHAINS = {
  'en-US': [],
  'en-GB': ['en-US'],
  'en-CA': ['en-US'],
  'en-AU': ['en-GB', 'en-US'],
  'en-IN': ['en-GB', 'en-US'],
  'de-DE': [],
  'fr-FR': [],
  'fr-CA': ['fr-FR'],
  'es-ES': [],
  'es-MX': ['es-ES'],
  'es-US': ['es-MX', 'es-ES'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type SupportedLocale = keyof typeof LOCALE_CHAINS;

export const SUPPORTED_LOCALES = Object.keys(LOCALE_CHAINS) as SupportedLocale[];

export function isSupportedLocale(locale: string | undefined): locale is SupportedLocale {
  // Own keys only: "constructor" or "__proto__" from a request must not count as a locale.
  return locale !== undefined && Object.hasOwn(LOCALE_CHAINS, locale);
}

/** The language of a locale: "de" for de-DE. */
export function languageOf(locale: string): string {
  return locale.slice(0, 2);
}
