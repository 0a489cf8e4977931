import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RESOURCE_LOCALES, translatorFor } from '../../lambda/i18n';
import { DEFAULT_LOCALE, isSupportedLocale, LOCALE_CHAINS, SUPPORTED_LOCALES, languageOf, type SupportedLocale } from '../../lambda/i18n/locales';
import { MODELS_DIR, produceModels, PROMPT_SENTENCES } from '../interactionModels/produceModels';
import { intentsOf, languageModelOf, samplesOf } from './modelShape';
import { problem, type Problem } from './problem';

/*
 * The checks that keep eleven locales in step: every locale the skill publishes is one the code
 * speaks, with every sentence, a model with every intent and as many samples as en-US's, example
 * phrases and an invocation name in its own language, and a country to be published in.
 */

export const RESOURCES_DIR = 'lambda/i18n/locales';
const LOCALES_FILE = 'lambda/i18n/locales.ts';
const SKILL_MANIFEST = 'skill-package/skill.json';

// ---------------------------------------------------------------------------------------------
// The language rules for invocation names and example phrases.

/** How a language opens a skill and what it may not be called, for `npm run validate`. */
export interface LanguageRules {
  /** "Alexa, öffne playlist pal": the launch words of the language; group 1 is what follows them. */
  readonly launchPhrase: RegExp;
  /** Words allowed between the invocation name and the request ("to", "und", "de", "que"). */
  readonly connectingWords: RegExp;
  /** How the language's example phrases start, for the message. */
  readonly exampleForm: (invocationName: string) => string;
  /** Letters an invocation name may use in this language, besides spaces, apostrophes and periods. */
  readonly invocationCharacters: RegExp;
  /** Launch words and wake words an invocation name may not contain. */
  readonly forbiddenInvocationWords: ReadonlySet<string>;
}

const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'ziggy', 'skill', 'app'];

export const LANGUAGE_RULES: Readonly<Record<string, LanguageRules>> = {
  en: {
    launchPhrase: /^alexa,?\s+(?:open|launch|start|begin|ask|tell|load|use)\s+(.+)$/,
    connectingWords: /^(?:to|for|about|that|if|whether|and)\s+/,
    exampleForm: (name) => `"Alexa, open ${name}" or "Alexa, ask ${name} to …"`,
    invocationCharacters: /^[a-z' .]+$/,
    forbiddenInvocationWords: new Set([...WAKE_WORDS, 'launch', 'ask', 'tell', 'load', 'begin', 'open', 'start', 'enable', 'run', 'play', 'resume', 'use']),
  },
  de: {
    launchPhrase: /^alexa,?\s+(?:öffne|starte|frag|frage|sag|sage|bitte|lade|beginne|benutze|nutze)\s+(.+)$/,
    connectingWords: /^(?:und|nach|ob|dass|zu|um)\s+/,
    exampleForm: (name) => `"Alexa, öffne ${name}" or "Alexa, frag ${name}, …"`,
    invocationCharacters: /^[a-zäöüß' .]+$/,
    forbiddenInvocationWords: new Set([...WAKE_WORDS, 'öffne', 'öffnen', 'starte', 'starten', 'frag', 'frage', 'sag', 'sage', 'bitte', 'lade', 'beginne', 'spiel', 'spiele', 'aktiviere', 'benutze', 'nutze']),
  },
  fr: {
    launchPhrase: /^alexa,?\s+(?:ouvre|lance|démarre|commence|utilise|demande à|dis à|parle à)\s+(.+)$/,
    connectingWords: /^(?:(?:de|si|que|pour|et)\s+|(?:d|qu)'\s*)/,
    exampleForm: (name) => `"Alexa, ouvre ${name}" or "Alexa, demande à ${name} de …"`,
    invocationCharacters: /^[a-zàâäçéèêëîïôöùûüÿœæ' .]+$/,
    forbiddenInvocationWords: new Set([...WAKE_WORDS, 'ordinateur', 'application', 'ouvre', 'ouvrir', 'lance', 'lancer', 'démarre', 'demande', 'dis', 'joue', 'jouer', 'commence', 'utilise', 'active']),
  },
  es: {
    launchPhrase: /^alexa,?\s+(?:abre|inicia|empieza|comienza|lanza|usa|pregunta a|pregúntale a|pide a|pídele a|dile a)\s+(.+)$/,
    connectingWords: /^(?:que|si|por|para|sobre|y)\s+/,
    exampleForm: (name) => `"Alexa, abre ${name}" or "Alexa, pide a ${name} que …"`,
    invocationCharacters: /^[a-záéíóúñü' .]+$/,
    forbiddenInvocationWords: new Set([...WAKE_WORDS, 'aplicación', 'abre', 'abrir', 'inicia', 'iniciar', 'empieza', 'comienza', 'lanza', 'pregunta', 'pide', 'dile', 'juega', 'pon', 'reproduce', 'usa', 'activa']),
  },
};

/** The rules of a locale's language; English for a language without its own (the schema check has its say on the locale). */
export function languageRules(locale: string): LanguageRules {
  const language = languageOf(locale);
  return Object.hasOwn(LANGUAGE_RULES, language) ? LANGUAGE_RULES[language]! : LANGUAGE_RULES.en!;
}

// ---------------------------------------------------------------------------------------------
// Sentences: every key in every language, in en-US's order, with its placeholders; none unused.

type Tree = { [key: string]: unknown };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Every key of a resource file with its text, in the file's order ("list.first_other"). */
function flatten(tree: unknown, prefix = ''): Array<[string, string]> {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [];
  return Object.entries(tree as Tree).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}

const withoutPlural = (key: string) => key.replace(PLURAL, '');
/**
 * The values a sentence uses. A plural form may leave out or write in the number itself ("1
 * playlist"; French says "0 playlist" with the same form), so `count` is not compared there.
 */
function placeholders(text: string, key = ''): string {
  const names = new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!));
  if (PLURAL.test(key)) names.delete('count');
  return [...names].sort().join(', ');
}

interface ResourceFile {
  readonly locale: string;
  readonly file: string;
  readonly keys: ReadonlyMap<string, string>;
  /** The keys without plural suffixes, in the order they first appear. */
  readonly order: readonly string[];
}

function readResources(root: string, problems: Problem[]): ResourceFile[] {
  const dir = path.join(root, RESOURCES_DIR);
  if (!existsSync(dir)) {
    problems.push(problem(RESOURCES_DIR, [], 'is missing: every sentence the skill says lives there.'));
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const file = `${RESOURCES_DIR}/${name}`;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      } catch (error) {
        problems.push(problem(file, [], `is not valid JSON (${(error as Error).message}).`));
        return [];
      }
      const entries = flatten((json as { translation?: unknown } | null)?.translation);
      if (entries.length === 0) problems.push(problem(file, ['translation'], 'holds no sentences.'));
      return [{ locale: path.basename(name, '.json'), file, keys: new Map(entries), order: [...new Set(entries.map(([key]) => withoutPlural(key)))] }];
    });
}

/** The plural forms a language needs beyond English's: CLDR's "many" for a million in French and Spanish. */
function extraPluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories.includes('many') ? ['many'] : [];
}

/** A language's own file against en-US's: the same keys (with the language's plural forms), placeholders and order. */
function languageFileProblems(reference: ResourceFile, translation: ResourceFile): Problem[] {
  const out: Problem[] = [];
  const at = (key: string) => ['translation', ...key.split('.')];
  const expected = new Map(reference.keys);
  for (const [key, text] of reference.keys) {
    if (key.endsWith('_other')) for (const form of extraPluralForms(translation.locale)) expected.set(key.replace(/_other$/, `_${form}`), text);
  }
  for (const [key, text] of expected) {
    const translated = translation.keys.get(key);
    if (translated === undefined) {
      out.push(problem(translation.file, at(key), `is missing: en-US says "${text}", and ${translation.locale} listeners must hear it in their language.`));
    } else if (placeholders(translated, key) !== placeholders(text, key)) {
      out.push(problem(translation.file, at(key), `uses the placeholders {${placeholders(translated, key)}} where en-US uses {${placeholders(text, key)}}: each value must appear, and only those.`));
    }
  }
  for (const key of translation.keys.keys()) {
    if (!expected.has(key)) out.push(problem(translation.file, at(key), `is not in ${reference.file}; a sentence is added to en-US first, then to every language.`));
  }
  if (out.length === 0 && translation.order.join('\n') !== reference.order.join('\n')) {
    const first = translation.order.findIndex((key, index) => key !== reference.order[index]);
    out.push(problem(translation.file, at(translation.order[first]!), `is out of en-US's order (expected ${reference.order[first]} here): keep the keys in the same order, so a new sentence goes in the same place in every file.`));
  }
  return out;
}

/** A regional file holds only sentences its language's file has, with the same placeholders. */
function regionalFileProblems(base: ResourceFile, regional: ResourceFile): Problem[] {
  return [...regional.keys].flatMap(([key, text]) => {
    const at = ['translation', ...key.split('.')];
    const baseText = base.keys.get(key);
    if (baseText === undefined) return [problem(regional.file, at, `is not in ${base.file}; a regional file only rewords sentences its language already has.`)];
    return placeholders(baseText, key) === placeholders(text, key) ? [] : [problem(regional.file, at, `uses the placeholders {${placeholders(text, key)}} where ${base.locale} uses {${placeholders(baseText, key)}}.`)];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Sentence keys as the code writes them: a quoted 'group.key' whose group is one of the resource's groups. */
export function referencedKeys(source: string, groups: ReadonlySet<string>): Set<string> {
  return new Set([...source.matchAll(/'([a-zA-Z]+)\.([a-zA-Z.]+)'/g)].filter(([, group]) => groups.has(group!)).map(([, group, rest]) => `${group}.${rest}`));
}

/** Keys put together at run time (`group.${…}`) hide from the check: there must be none. */
const BUILT_KEY = /`([a-zA-Z]+)\.\$\{/g;

function usageProblems(root: string, reference: ResourceFile): Problem[] {
  const lambda = path.join(root, 'lambda');
  if (!existsSync(lambda)) return [];
  const files = sourceFiles(lambda);
  const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const groups = new Set(reference.order.map((key) => key.split('.')[0]!));
  const used = referencedKeys(source, groups);
  const out: Problem[] = [];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(BUILT_KEY)) {
      if (groups.has(match[1]!)) out.push(problem(path.relative(root, file).split(path.sep).join('/'), [], `builds a sentence key at run time (\`${match[1]}.\${…}\`); write each key out whole, so that this check can see it.`));
    }
  }
  for (const key of used) {
    if (!reference.order.includes(key)) out.push(problem(reference.file, [], `lacks "${key}", which the code asks for.`));
  }
  for (const key of reference.order) {
    // A one-word key ("goodbye") is found as the quoted word itself.
    if (!used.has(key) && !source.includes(`'${key}'`)) out.push(problem(reference.file, ['translation', ...key.split('.')], 'is never said: no code asks for it. Remove it from every language, or use it.'));
  }
  return out;
}

/** Every locale's sentences: each language complete and in order, regional files only rewording, every sentence used. */
export function resourceProblems(root: string): Problem[] {
  const out: Problem[] = [];
  const files = readResources(root, out);
  const byLocale = new Map(files.map((file) => [file.locale, file]));
  const reference = byLocale.get(DEFAULT_LOCALE);
  if (reference === undefined) return [...out, problem(`${RESOURCES_DIR}/${DEFAULT_LOCALE}.json`, [], 'is missing: it holds every sentence, the others follow it.')];

  for (const file of files) {
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(file.locale)) {
      out.push(problem(file.file, [], `is for ${file.locale}, which ${LOCALES_FILE} does not list; add it to LOCALE_CHAINS.`));
    } else if (!RESOURCE_LOCALES.includes(file.locale)) {
      out.push(problem(file.file, [], `is never loaded: add ${file.locale} to RESOURCE_LOADERS in lambda/i18n/index.ts.`));
    }
  }
  for (const locale of RESOURCE_LOCALES) {
    if (!byLocale.has(locale)) out.push(problem(`${RESOURCES_DIR}/${locale}.json`, [], 'is missing, but lambda/i18n/index.ts loads it (RESOURCE_LOADERS).'));
  }
  for (const locale of SUPPORTED_LOCALES) {
    const chain: readonly string[] = LOCALE_CHAINS[locale];
    const base = chain.length === 0 ? locale : chain[chain.length - 1]!;
    const own = byLocale.get(locale);
    if (base === locale) {
      if (own === undefined) out.push(problem(`${RESOURCES_DIR}/${locale}.json`, [], `is missing: ${locale} has no other file to read its sentences from (${LOCALES_FILE}).`));
      else if (locale !== DEFAULT_LOCALE) out.push(...languageFileProblems(reference, own));
      continue;
    }
    const baseFile = byLocale.get(base);
    if (baseFile === undefined) out.push(problem(LOCALES_FILE, [], `${locale} reads ${base}'s sentences, but ${RESOURCES_DIR}/${base}.json is missing.`));
    else if (own !== undefined) out.push(...regionalFileProblems(baseFile, own));
  }
  out.push(...usageProblems(root, reference));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Models: one per spoken locale, as many samples as en-US, prompts in the locale's words, produced files up to date.

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function sampleCounts(model: unknown): Map<string, number> {
  return new Map(intentsOf(languageModelOf(model)).flatMap(({ intent }) => (typeof intent.name === 'string' ? [[intent.name, samplesOf(intent).length]] : [])));
}

/** What the skill says for a sentence key in a locale it speaks. */
function spokenSentence(locale: string, key: string): string | undefined {
  return isSupportedLocale(locale) ? translatorFor(locale).t(key) : undefined;
}

/**
 * Every model has at least as many samples per intent as en-US's (a language heard with fewer
 * phrasings understands less), and asks for a missing name in the sentence the skill itself says.
 */
export function modelProblems(models: ReadonlyMap<string, unknown>, sentence: (locale: string, key: string) => string | undefined = spokenSentence): Problem[] {
  const reference = models.get(DEFAULT_LOCALE);
  if (reference === undefined) return [];
  const expected = sampleCounts(reference);
  const out: Problem[] = [];
  for (const [locale, model] of models) {
    const file = `${MODELS_DIR}/${locale}.json`;
    const counts = sampleCounts(model);
    intentsOf(languageModelOf(model)).forEach(({ intent, index }) => {
      const needed = expected.get(String(intent.name)) ?? 0;
      const has = counts.get(String(intent.name)) ?? 0;
      if (has < needed) {
        out.push(problem(file, ['interactionModel', 'languageModel', 'intents', index, 'samples'], `has ${has} sample utterances for ${String(intent.name)}, fewer than en-US's ${needed}: write as many ways to say it in ${locale}.`));
      }
    });
    const prompts = (objectAt(objectAt(model)?.interactionModel)?.prompts as unknown[] | undefined) ?? [];
    prompts.forEach((entry, index) => {
      const prompt = objectAt(entry);
      const key = typeof prompt?.id === 'string' ? PROMPT_SENTENCES[prompt.id] : undefined;
      const wanted = key === undefined ? undefined : sentence(locale, key);
      const said = (prompt?.variations as Array<{ value?: unknown }> | undefined)?.map((variation) => variation.value);
      if (wanted !== undefined && JSON.stringify(said) !== JSON.stringify([wanted])) {
        out.push(problem(file, ['interactionModel', 'prompts', index, 'variations'], `must be ["${wanted}"] (${key} in ${locale}): Alexa and the skill ask for the name in the same words.`));
      }
    });
  }
  return out;
}

/** The produced regional models (`npm run models`) are what is committed. */
export function producedModelProblems(root: string): Problem[] {
  let produced: ReturnType<typeof produceModels>;
  try {
    produced = produceModels(root);
  } catch (error) {
    return [problem(MODELS_DIR, [], `could not produce the regional models (${(error as Error).message}).`)];
  }
  return produced.flatMap(({ file, from, text }) => {
    let current: string | undefined;
    try {
      current = readFileSync(path.join(root, file), 'utf8');
    } catch {
      current = undefined;
    }
    return current === text ? [] : [problem(file, [], `is not what \`npm run models\` produces from ${from}.json and scripts/interactionModels/regionalVariants.ts; run it and commit the result.`)];
  });
}

// ---------------------------------------------------------------------------------------------
// skill.json: the published locales are the spoken ones, each with its privacy links and country.

/** The country each locale is first made for. */
const HOME_COUNTRY: Readonly<Record<SupportedLocale, string>> = {
  'en-US': 'US', 'en-GB': 'GB', 'en-CA': 'CA', 'en-AU': 'AU', 'en-IN': 'IN', 'de-DE': 'DE', 'fr-FR': 'FR', 'fr-CA': 'CA', 'es-ES': 'ES', 'es-MX': 'MX', 'es-US': 'US',
};
/** Where Alexa speaks which of these locales (Amazon's list of countries and locales). */
const COUNTRY_LOCALES: Readonly<Record<string, readonly string[]>> = {
  US: ['en-US', 'es-US'], CA: ['en-CA', 'fr-CA'], MX: ['es-MX'], GB: ['en-GB'], IE: ['en-GB'], IN: ['en-IN'], AU: ['en-AU'], NZ: ['en-AU'],
  DE: ['de-DE'], AT: ['de-DE'], FR: ['fr-FR'], ES: ['es-ES'],
};

export function manifestLocaleProblems(manifest: unknown): Problem[] {
  const root = objectAt(objectAt(manifest)?.manifest);
  const publishing = objectAt(root?.publishingInformation);
  const published = Object.keys(objectAt(publishing?.locales) ?? {});
  if (published.length === 0) return [];
  const out: Problem[] = [];
  const at = (...parts: Array<string | number>) => ['manifest', ...parts];
  for (const locale of published) {
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) {
      out.push(problem(SKILL_MANIFEST, at('publishingInformation', 'locales', locale), `is published, but the code does not speak ${locale} (${LOCALES_FILE}): its listeners would be answered in ${DEFAULT_LOCALE}.`));
    }
  }
  for (const locale of SUPPORTED_LOCALES) {
    if (!published.includes(locale)) out.push(problem(SKILL_MANIFEST, at('publishingInformation', 'locales'), `lacks ${locale}, which the code speaks: publish it or drop it from ${LOCALES_FILE}.`));
  }
  const privacy = Object.keys(objectAt(objectAt(root?.privacyAndCompliance)?.locales) ?? {});
  for (const locale of published) {
    if (!privacy.includes(locale)) out.push(problem(SKILL_MANIFEST, at('privacyAndCompliance', 'locales'), `lacks ${locale}: each published locale needs its privacy policy and terms links.`));
  }
  const countries = Array.isArray(publishing?.distributionCountries) ? (publishing.distributionCountries as unknown[]).filter((code): code is string => typeof code === 'string') : undefined;
  if (countries !== undefined && publishing?.isAvailableWorldwide !== true) {
    for (const locale of published) {
      const home = HOME_COUNTRY[locale as SupportedLocale];
      if (home !== undefined && !countries.includes(home)) {
        out.push(problem(SKILL_MANIFEST, at('publishingInformation', 'distributionCountries'), `lacks ${home}, where ${locale} is spoken: the locale would be published nowhere it is heard.`));
      }
    }
    countries.forEach((country, index) => {
      const served = COUNTRY_LOCALES[country];
      if (served === undefined || !served.some((locale) => published.includes(locale))) {
        out.push(problem(SKILL_MANIFEST, at('publishingInformation', 'distributionCountries', index), `${country}: none of the published locales is one Alexa speaks there (${served?.join(', ') ?? 'none of ours'}).`));
      }
    });
  }
  return out;
}
