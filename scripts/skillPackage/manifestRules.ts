import { languageModelOf } from './modelShape';
import { problem, type Problem } from './problem';

export const SKILL_MANIFEST = 'skill-package/skill.json';

/** The published locales; undefined when the manifest has no locales object (the schema check says so). */
function manifestLocales(manifest: unknown): string[] | undefined {
  const locales = (manifest as { manifest?: { publishingInformation?: { locales?: unknown } } } | null)?.manifest?.publishingInformation?.locales;
  return locales !== null && typeof locales === 'object' && !Array.isArray(locales) ? Object.keys(locales) : undefined;
}

/** Every published locale has an interaction model and the other way round. */
export function localeProblems(manifest: unknown, modelLocales: readonly string[], modelFile: (locale: string) => string): Problem[] {
  const published = manifestLocales(manifest);
  if (published === undefined) return [];
  const out: Problem[] = [];
  for (const locale of published) {
    if (!modelLocales.includes(locale)) {
      out.push(problem(SKILL_MANIFEST, ['manifest', 'publishingInformation', 'locales', locale], `has no interaction model; add ${modelFile(locale)}.`));
    }
  }
  for (const locale of modelLocales) {
    if (!published.includes(locale)) {
      out.push(problem(modelFile(locale), [], `has no entry in ${SKILL_MANIFEST} manifest.publishingInformation.locales, so Alexa would never use it.`));
    }
  }
  return out;
}

/** Certification tries each example phrase; each must name the skill as the model spells its invocation name. */
export function examplePhraseProblems(manifest: unknown, locale: string, model: unknown): Problem[] {
  const invocationName = languageModelOf(model).invocationName;
  const entry = (manifest as { manifest?: { publishingInformation?: { locales?: Record<string, { examplePhrases?: unknown }> } } } | null)
    ?.manifest?.publishingInformation?.locales?.[locale];
  if (typeof invocationName !== 'string' || !Array.isArray(entry?.examplePhrases)) return [];
  return entry.examplePhrases.flatMap((phrase: unknown, index: number) =>
    typeof phrase === 'string' && !phrase.toLowerCase().includes(invocationName.toLowerCase())
      ? [problem(SKILL_MANIFEST, ['manifest', 'publishingInformation', 'locales', locale, 'examplePhrases', index],
          `"${phrase}" does not say the invocation name "${invocationName}".`)]
      : [],
  );
}
