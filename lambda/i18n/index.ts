import i18next, { type i18n as I18n } from 'i18next';
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { clip, escapeSsml } from '../speech/ssml';
import { DEFAULT_LOCALE, isSupportedLocale, LOCALE_CHAINS, type SupportedLocale } from './locales';
import { digitGrouping, groupDigits, type DigitGrouping } from './numbers';

export { DEFAULT_LOCALE, SUPPORTED_LOCALES, languageOf, type SupportedLocale } from './locales';

type ResourceTree = { readonly [key: string]: string | ResourceTree };
export interface ResourceFile {
  readonly translation: ResourceTree;
}

/*
 * Every sentence the user hears, per locale: a whole file per language, and per region only what
 * it words differently (see ./locales.ts). Add a locale there, here, and in the interaction models.
 * Loaded by require() on first use rather than imported: the bundle then holds each file inside a
 * function that V8 compiles only when called, so a container never builds the sentences of the
 * languages it is not asked for (about 2 ms less to load the bundle: median of 80 loads each way).
 */
const RESOURCE_LOADERS: Readonly<Record<string, () => ResourceFile>> = {
  'en-US': () => require('./locales/en-US.json') as ResourceFile,
  'en-GB': () => require('./locales/en-GB.json') as ResourceFile,
  'en-CA': () => require('./locales/en-CA.json') as ResourceFile,
  'en-IN': () => require('./locales/en-IN.json') as ResourceFile,
  'de-DE': () => require('./locales/de-DE.json') as ResourceFile,
  'fr-FR': () => require('./locales/fr-FR.json') as ResourceFile,
  'fr-CA': () => require('./locales/fr-CA.json') as ResourceFile,
  'es-ES': () => require('./locales/es-ES.json') as ResourceFile,
  'es-MX': () => require('./locales/es-MX.json') as ResourceFile,
};

/** The locales with a resource file of their own. */
export const RESOURCE_LOCALES: readonly string[] = Object.keys(RESOURCE_LOADERS);

/** A locale's own resource file (only what it words itself, for a regional locale), or undefined when it has none. */
export function resourceFile(locale: string): ResourceFile | undefined {
  return Object.hasOwn(RESOURCE_LOADERS, locale) ? RESOURCE_LOADERS[locale]!() : undefined;
}

/** What handlers use to speak: sentences from the locale resources and locale-aware lists. */
export interface Translator {
  readonly locale: string;
  /** `count` picks the plural form; numbers are written with the locale's digit grouping, strings inserted as given (escape them for SSML first). */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** "A, B, and C" in the user's language ("A, B und C"). */
  list(items: readonly string[]): string;
  /** A playlist name for speech: clipped, escaped once, and never silence ("Playing  on Kitchen Echo"). */
  spokenName(name: string): string;
  /** A playlist name for a card or screen: clipped, and never an empty line. */
  shownName(name: string): string;
}

/** Nothing a voice can read: blank, or only emoji and symbols. */
const SPEAKABLE = /[\p{L}\p{N}]/u;

let shared: I18n | undefined;

/*
 * The locales whose sentences to look in, in order. A missing sentence would be refused by
 * `npm run validate` before it ships; en-US comes last only so that a listener would hear a
 * sentence rather than the name of a key.
 */
function lookupOrder(locale: SupportedLocale): string[] {
  return [...new Set<string>([locale, ...LOCALE_CHAINS[locale], DEFAULT_LOCALE])].filter((lng) => Object.hasOwn(RESOURCE_LOADERS, lng));
}

/**
 * One i18next instance per container. Only the sentences of the locales a container has been
 * asked for are handed to i18next (a container mostly serves one or two), on first use.
 */
function instance(): I18n {
  if (shared === undefined) {
    shared = i18next.createInstance();
    void shared.init({
      resources: {},
      lng: DEFAULT_LOCALE,
      fallbackLng: (code: string) => (isSupportedLocale(code) ? lookupOrder(code).filter((lng) => lng !== code) : [DEFAULT_LOCALE]),
      supportedLngs: Object.keys(LOCALE_CHAINS),
      nonExplicitSupportedLngs: false,
      load: 'currentOnly',
      initAsync: false,
      returnNull: false,
      // Interpolated values are escaped for SSML by the caller, once, and left raw for cards.
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<I18n['init']>[0]);
  }
  return shared;
}

function withSentencesOf(i18n: I18n, locale: SupportedLocale): I18n {
  for (const lng of lookupOrder(locale)) {
    if (!i18n.hasResourceBundle(lng, 'translation')) i18n.addResourceBundle(lng, 'translation', resourceFile(lng)!.translation);
  }
  return i18n;
}

function supportedLocale(locale: string | undefined): SupportedLocale {
  return isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** One translator per locale for the container's life, like the i18next instance. */
const translators = new Map<string, Translator>();

export function translatorFor(locale: string | undefined): Translator {
  const lng = supportedLocale(locale);
  let existing = translators.get(lng);
  if (existing === undefined) {
    existing = createTranslator(withSentencesOf(instance(), lng), lng);
    translators.set(lng, existing);
  }
  return existing;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders in one pass, so a value that itself contains "{{device}}" (a
 * playlist may be called anything) is inserted as it is. i18next's own interpolation re-scans
 * the sentence after each insertion and replaces the first look-alike, which may sit in a value.
 */
function fill(sentence: string, values: Readonly<Record<string, string | number>>, number: (value: number) => string): string {
  return sentence.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (!Object.hasOwn(values, name)) return placeholder;
    const value = values[name]!;
    return typeof value === 'number' ? number(value) : value;
  });
}

/** A word starting with the sound "i" ("Ibiza", "hip hop", "Ímpetu"; not "hielo", whose "hie" is "ye"). */
const I_SOUND = /^h?[ií](?![aeiouáéíóú])/iu;

/** Spanish says "y" as "e" before the sound "i": "Deep House e Ibiza". Other languages join as written. */
function beforeLastItem(lng: string, joined: string, last: string): string {
  if (!lng.startsWith('es') || !I_SOUND.test(last) || !joined.endsWith(` y ${last}`)) return joined;
  return `${joined.slice(0, joined.length - last.length - 3)} e ${last}`;
}

/*
 * Per-request cost (npm run bench): i18n.t with `lng` rather than getFixedT, whose wrapper copies
 * every i18next option on each call; sentences without values are looked up once, they never change.
 */
function createTranslator(i18n: I18n, lng: string): Translator {
  const sentences = new Map<string, string>();
  let grouping: DigitGrouping | undefined;
  const number = (value: number): string => {
    grouping ??= digitGrouping(t('numberFormat.groupSeparator'), t('numberFormat.groupSizes'), t('numberFormat.minimumGroupingDigits'));
    return groupDigits(value, grouping);
  };
  const t: Translator['t'] = (key, values) => {
    if (values !== undefined) {
      // i18next only picks the plural form; the values are filled in here, numbers as the locale writes them.
      const sentence = i18n.t(key, { lng, skipInterpolation: true, ...(values.count === undefined ? {} : { count: values.count }) }) as string;
      return fill(sentence, values, number);
    }
    let sentence = sentences.get(key);
    if (sentence === undefined) {
      sentence = i18n.t(key, { lng }) as string;
      sentences.set(key, sentence);
    }
    return sentence;
  };
  return {
    locale: lng,
    t,
    // Not Intl.ListFormat: its first use loads ICU locale data, ~20 ms of a cold start.
    list(items) {
      if (items.length < 2) return items[0] ?? '';
      const head = items.slice(0, -1).join(t('listJoin.separator'));
      const last = items[items.length - 1]!;
      return beforeLastItem(lng, t(items.length === 2 ? 'listJoin.two' : 'listJoin.many', { head, last }), last);
    },
    spokenName(name) {
      return SPEAKABLE.test(name) ? escapeSsml(clip(name)) : t('playlistName.untitled');
    },
    shownName(name) {
      const shown = clip(name);
      return shown === '' ? t('playlistName.untitled') : shown;
    },
  };
}

const TRANSLATOR = 'translator';

/** Puts a translator for the request's locale into the request attributes. */
export const localizationInterceptor: RequestInterceptor = {
  process(input) {
    const locale = (input.requestEnvelope?.request as { locale?: string } | undefined)?.locale;
    input.attributesManager.getRequestAttributes()[TRANSLATOR] = translatorFor(locale);
  },
};

/** The request's translator; falls back to the default locale when the interceptor never ran (a malformed request). */
export function translator(input: HandlerInput): Translator {
  const existing = input.attributesManager.getRequestAttributes()[TRANSLATOR] as Translator | undefined;
  return existing ?? translatorFor(undefined);
}
