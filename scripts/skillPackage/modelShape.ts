import type { v1 } from 'ask-smapi-model';

/*
 * Read access to an interaction model that may be malformed: the rules run even when the schema
 * check has already found problems, so every accessor tolerates missing or mistyped parts.
 */

export type LanguageModel = v1.skill.interactionModel.LanguageModel;
export type Intent = v1.skill.interactionModel.Intent;

function arrayOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function languageModelOf(document: unknown): Partial<LanguageModel> {
  const model = (document as { interactionModel?: { languageModel?: unknown } } | null)?.interactionModel?.languageModel;
  return model !== null && typeof model === 'object' ? (model as Partial<LanguageModel>) : {};
}

/** Intents with their index in the file, skipping entries that are not objects. */
export function intentsOf(model: Partial<LanguageModel>): Array<{ intent: Partial<Intent>; index: number }> {
  return arrayOf<unknown>(model.intents)
    .map((intent, index) => ({ intent: intent as Partial<Intent>, index }))
    .filter(({ intent }) => intent !== null && typeof intent === 'object');
}

export function samplesOf(intent: Partial<Intent>): Array<{ sample: string; index: number }> {
  return arrayOf<unknown>(intent.samples)
    .map((sample, index) => ({ sample: sample as string, index }))
    .filter(({ sample }) => typeof sample === 'string');
}

export function slotsOf(intent: Partial<Intent>): Array<{ name: string; type: unknown; index: number }> {
  return arrayOf<{ name?: unknown; type?: unknown } | null>(intent.slots)
    .map((slot, index) => ({ name: slot?.name, type: slot?.type, index }))
    .filter((slot): slot is { name: string; type: unknown; index: number } => typeof slot.name === 'string');
}

export function customTypeNamesOf(model: Partial<LanguageModel>): Set<string> {
  return new Set(
    arrayOf<{ name?: unknown } | null>(model.types)
      .map((type) => type?.name)
      .filter((name): name is string => typeof name === 'string'),
  );
}
