import i18next, { type i18n as I18n } from 'i18next';
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { clip, escapeSsml } from '../speech/ssml';
import enUS from './locales/en-US.json';

const DEFAULT_LOCALE = 'en-US';

/** Every sentence the user hears, per locale. Add a locale here and in the interaction models. */
const resources = { 'en-US': enUS };

/** What handlers use to speak: sentences from the locale resources and locale-aware lists. */
export interface Translator {
  readonly locale: string;
  /** `count` picks the plural form; other values are inserted as given (escape them for SSML first). */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** "A, B, and C" in the user's language. */
  list(items: readonly string[]): string;
  /** A playlist name for speech: clipped, escaped once, and never silence ("Playing  on Kitchen Echo"). */
  spokenName(name: string): string;
  /** A playlist name for a card or screen: clipped, and never an empty line. */
  shownName(name: string): string;
}

/** Nothing a voice can read: blank, or only emoji and symbols. */
const SPEAKABLE = /[\p{L}\p{N}]/u;

let shared: I18n | undefined;

/** One i18next instance per container; resources are bundled, so initialisation is synchronous. */
function instance(): I18n {
  if (shared === undefined) {
    shared = i18next.createInstance();
    void shared.init({
      resources,
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: Object.keys(resources),
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

function supportedLocale(locale: string | undefined): string {
  // Own keys only: "constructor" or "__proto__" from a request must not count as a locale.
  return locale !== undefined && Object.hasOwn(resources, locale) ? locale : DEFAULT_LOCALE;
}

/** One translator per locale for the container's life, like the i18next instance. */
const translators = new Map<string, Translator>();

export function translatorFor(locale: string | undefined): Translator {
  const lng = supportedLocale(locale);
  let existing = translators.get(lng);
  if (existing === undefined) {
    existing = createTranslator(instance(), lng);
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
function fill(sentence: string, values: Readonly<Record<string, string | number>>): string {
  return sentence.replace(PLACEHOLDER, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}

/*
 * Per-request cost (npm run bench): i18n.t with `lng` rather than getFixedT, whose wrapper copies
 * every i18next option on each call; sentences without values are looked up once, they never change.
 */
function createTranslator(i18n: I18n, lng: string): Translator {
  const sentences = new Map<string, string>();
  const t: Translator['t'] = (key, values) => {
    if (values !== undefined) {
      // i18next only picks the plural form; the values are filled in here.
      const sentence = i18n.t(key, { lng, skipInterpolation: true, ...(values.count === undefined ? {} : { count: values.count }) }) as string;
      return fill(sentence, values);
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
      return t(items.length === 2 ? 'listJoin.two' : 'listJoin.many', { head, last: items[items.length - 1]! });
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
