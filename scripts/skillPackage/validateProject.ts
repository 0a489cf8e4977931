import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCOUNT_LINKING_TEMPLATE, accountLinkingTemplateProblems } from './accountLinkingRules';
import { ASK_RESOURCES, askResourcesProblems, SKILL_STACK, type StackParametersByProfile } from './askResourcesRules';
import { HANDLED_INTENTS, NAME_FREE_INTENTS } from '../../lambda/alexa/handledIntents';
import { intentCoverageProblems } from './intentCoverage';
import { invocationNameProblems, sampleProblems, slotTypeProblems } from './interactionModelRules';
import { languageRules, manifestLocaleProblems, modelProblems, producedModelProblems, resourceProblems } from './localeRules';
import { examplePhraseProblems, interfaceProblems, localeProblems, nameFreeProblems, SKILL_MANIFEST, skillEventsProblems } from './manifestRules';
import { problem, type Problem } from './problem';
import { secretLookingValueProblems } from './secrets';
import { parseSkillStack, skillStackProblems } from './skillStackRules';
import { checkAgainstDefinition } from './smapiSchema';

export const MODELS_DIR = 'skill-package/interactionModels/custom';
const modelFile = (locale: string) => `${MODELS_DIR}/${locale}.json`;

type Loaded = { ok: true; value: unknown } | { ok: false; problem: Problem };

function readJson(root: string, file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return { ok: false, problem: problem(file, [], 'is missing.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: problem(file, [], `is not valid JSON (${(error as Error).message}).`) };
  }
}

/** The locales skill.json publishes, whose Alexa regions need a deployment each; undefined when skill.json says nothing readable. */
function publishedLocales(manifest: unknown): string[] | undefined {
  const locales = (manifest as { manifest?: { publishingInformation?: { locales?: unknown } } } | null | undefined)?.manifest?.publishingInformation?.locales;
  return locales !== null && typeof locales === 'object' && !Array.isArray(locales) ? Object.keys(locales) : undefined;
}

export interface ValidationReport {
  readonly problems: Problem[];
  /** What was looked at, for the summary line. */
  readonly checked: string[];
}

/** Every check `npm run validate` makes, on the project at `root`, without touching the network. */
export function validateProject(
  root: string,
  handledIntents: readonly string[] = HANDLED_INTENTS,
  nameFreeIntents: readonly string[] = NAME_FREE_INTENTS,
): ValidationReport {
  const problems: Problem[] = [];
  const checked: string[] = [];
  const load = (file: string, checks: (value: unknown) => Problem[]): unknown => {
    checked.push(file);
    const loaded = readJson(root, file);
    if (!loaded.ok) {
      problems.push(loaded.problem);
      return undefined;
    }
    problems.push(...checks(loaded.value));
    return loaded.value;
  };

  const manifest = load(SKILL_MANIFEST, (value) => [
    ...checkAgainstDefinition('v1.skill.Manifest.SkillManifestEnvelope', value, SKILL_MANIFEST),
    ...secretLookingValueProblems(SKILL_MANIFEST, value),
    ...interfaceProblems(value),
    ...nameFreeProblems(value, nameFreeIntents),
    ...skillEventsProblems(value),
  ]);

  const modelsDir = path.join(root, MODELS_DIR);
  const locales = existsSync(modelsDir)
    ? readdirSync(modelsDir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort()
    : [];
  if (locales.length === 0) problems.push(problem(MODELS_DIR, [], 'holds no interaction model; add one <locale>.json per locale.'));
  const models = new Map<string, unknown>();
  for (const locale of locales) {
    const file = modelFile(locale);
    const model = load(file, (value) => [
      ...checkAgainstDefinition('v1.skill.interactionModel.InteractionModelData', value, file),
      ...invocationNameProblems(file, value, languageRules(locale)),
      ...slotTypeProblems(file, value),
      ...sampleProblems(file, value),
      ...intentCoverageProblems(file, value, handledIntents),
    ]);
    if (model !== undefined) models.set(locale, model);
    if (manifest !== undefined && model !== undefined) problems.push(...examplePhraseProblems(manifest, locale, model));
  }
  if (manifest !== undefined) problems.push(...localeProblems(manifest, locales, modelFile), ...manifestLocaleProblems(manifest));
  // Eleven locales kept in step: sentences, samples, prompts, produced regional models (localeRules.ts).
  problems.push(...modelProblems(models), ...producedModelProblems(root), ...resourceProblems(root));

  load(ACCOUNT_LINKING_TEMPLATE, (value) => accountLinkingTemplateProblems(ACCOUNT_LINKING_TEMPLATE, value));

  let stackParameters: StackParametersByProfile = new Map();
  load(ASK_RESOURCES, (value) => {
    const checkedResources = askResourcesProblems(value, publishedLocales(manifest));
    stackParameters = checkedResources.stackParameters;
    return checkedResources.problems;
  });

  checked.push(SKILL_STACK);
  let stackText: string | undefined;
  try {
    stackText = readFileSync(path.join(root, SKILL_STACK), 'utf8');
  } catch {
    problems.push(problem(SKILL_STACK, [], 'is missing; `npm run deploy` deploys the skill\'s function, role and table from it.'));
  }
  if (stackText !== undefined) {
    const parsed = parseSkillStack(stackText);
    problems.push(...(parsed.ok ? skillStackProblems(parsed.template, stackParameters) : [parsed.problem]));
  }

  return { problems, checked };
}
