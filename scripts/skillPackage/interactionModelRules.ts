import { LANGUAGE_RULES, type LanguageRules } from './localeRules';
import { customTypeNamesOf, intentsOf, languageModelOf, samplesOf, slotsOf } from './modelShape';
import { problem, type Problem } from './problem';

const MODEL = ['interactionModel', 'languageModel'] as const;

/*
 * Alexa's invocation-name requirements (developer.amazon.com, "Choose the invocation name"):
 * two or more words, lower case, only letters (the language's own, such as "ü" or "é"), spaces,
 * apostrophes and the periods of spoken initialisms ("a. b. c."), no wake word, no launch phrase
 * of the locale's language, no "skill" or "app". The language rules are in localeRules.ts.
 */
/** Names a skill may not be called by alone: they belong to someone else. */
const BRAND_NAMES = new Set(['spotify']);

export function invocationNameProblems(file: string, document: unknown, rules: LanguageRules = LANGUAGE_RULES.en!): Problem[] {
  const name = languageModelOf(document).invocationName;
  const at = [...MODEL, 'invocationName'];
  if (typeof name !== 'string') return []; // the schema check reports it
  const out: Problem[] = [];
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (name !== name.toLowerCase()) out.push(problem(file, at, `"${name}" must be all lower case.`));
  if (!rules.invocationCharacters.test(name.toLowerCase())) {
    out.push(problem(file, at, `"${name}" may contain only letters, spaces, apostrophes and the periods of initialisms; spell out digits and symbols.`));
  }
  if (words.length < 2) out.push(problem(file, at, `"${name}" must have at least two words (one-word names need proof of a brand you own).`));
  const forbidden = words.filter((word) => rules.forbiddenInvocationWords.has(word.toLowerCase().replace(/[.']/g, '')));
  if (forbidden.length > 0) {
    out.push(problem(file, at, `"${name}" contains ${forbidden.map((word) => `"${word}"`).join(', ')}: no wake words, launch phrases, "skill" or "app".`));
  }
  if (words.length > 0 && words.every((word) => BRAND_NAMES.has(word.toLowerCase()))) {
    out.push(problem(file, at, `"${name}" is only a brand name that is not ours; certification rejects it.`));
  }
  return out;
}

/** Slot types are either built in (AMAZON.*) or declared in `types`. */
export function slotTypeProblems(file: string, document: unknown): Problem[] {
  const model = languageModelOf(document);
  const declared = customTypeNamesOf(model);
  const out: Problem[] = [];
  for (const { intent, index } of intentsOf(model)) {
    for (const slot of slotsOf(intent)) {
      if (typeof slot.type !== 'string' || slot.type.startsWith('AMAZON.') || declared.has(slot.type)) continue;
      out.push(problem(file, [...MODEL, 'intents', index, 'slots', slot.index, 'type'],
        `slot "${slot.name}" uses type "${slot.type}", which is neither an AMAZON built-in nor declared in ${MODEL.join('.')}.types.`));
    }
  }
  return out;
}

const SLOT_REFERENCE = /\{([^{}]*)\}/g;
/** What may stand outside slot references in a sample: words, spaces, apostrophes, periods, hyphens. */
const SAMPLE_TEXT = /^[\p{L}' .-]*$/u;

function normalise(sample: string): string {
  return sample.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Samples must be unique across the whole locale (Alexa cannot route one phrase to two intents),
 * may reference only the intent's own slots, and spell everything out.
 */
export function sampleProblems(file: string, document: unknown): Problem[] {
  const model = languageModelOf(document);
  const firstSeen = new Map<string, string>();
  const out: Problem[] = [];
  for (const { intent, index } of intentsOf(model)) {
    const slotNames = new Set(slotsOf(intent).map((slot) => slot.name));
    for (const { sample, index: sampleIndex } of samplesOf(intent)) {
      const at = [...MODEL, 'intents', index, 'samples', sampleIndex];
      const key = normalise(sample);
      const owner = firstSeen.get(key);
      if (owner !== undefined) {
        out.push(problem(file, at, `sample "${sample}" already appears in ${owner === intent.name ? 'this intent' : owner}; each sample may appear once per locale.`));
      } else {
        firstSeen.set(key, String(intent.name));
      }
      for (const [, slotName] of sample.matchAll(SLOT_REFERENCE)) {
        if (!slotNames.has(slotName ?? '')) {
          out.push(problem(file, at, `sample "${sample}" uses slot {${slotName}}, which ${String(intent.name)} does not declare.`));
        }
      }
      if (!SAMPLE_TEXT.test(sample.replace(SLOT_REFERENCE, ''))) {
        out.push(problem(file, at, `sample "${sample}" may contain only words, spaces, apostrophes, periods and hyphens besides {slots}; spell out numbers and symbols.`));
      }
    }
  }
  return out;
}
