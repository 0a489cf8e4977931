import { languageRules } from './localeRules';
import { intentsOf, languageModelOf, samplesOf } from './modelShape';
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

/**
 * Interfaces whose directives the code sends. Alexa tells a skill that a device supports an
 * interface only when the manifest declares it, so without the declaration the code never sends
 * them, and with them declared but not supported a directive would fail the response.
 */
export const INTERFACES_THE_CODE_USES: ReadonlyArray<{ readonly type: string; readonly usedBy: string }> = [
  { type: 'ALEXA_PRESENTATION_APL', usedBy: 'lambda/alexa/panel.ts shows lists and details on screens with Alexa.Presentation.APL.RenderDocument' },
];

/** The interface types `manifest.apis.custom.interfaces` declares; undefined without a custom API. */
function declaredInterfaces(manifest: unknown): string[] | undefined {
  const custom = (manifest as { manifest?: { apis?: { custom?: { interfaces?: unknown } } } } | null)?.manifest?.apis?.custom;
  if (custom === null || typeof custom !== 'object') return undefined;
  return Array.isArray(custom.interfaces)
    ? custom.interfaces.map((entry: unknown) => (entry as { type?: unknown } | null)?.type).filter((type): type is string => typeof type === 'string')
    : [];
}

/** The skill.json declares every interface the code uses (`manifest.apis.custom.interfaces`). */
export function interfaceProblems(manifest: unknown, used = INTERFACES_THE_CODE_USES): Problem[] {
  const declared = declaredInterfaces(manifest);
  if (declared === undefined) return [];
  return used
    .filter(({ type }) => !declared.includes(type))
    .map(({ type, usedBy }) =>
      problem(SKILL_MANIFEST, ['manifest', 'apis', 'custom', 'interfaces'], `lacks ${type}: ${usedBy}, and Alexa only reports a device's support for an interface the manifest declares.`),
    );
}

const CAN_FULFILL = 'CAN_FULFILL_INTENT_REQUEST';
const NAME_FREE_CODE = 'lambda/handlers/canFulfillIntent.ts';

/**
 * Name-free requests: Alexa sends CanFulfillIntentRequest only to a skill that declares
 * CAN_FULFILL_INTENT_REQUEST, so the declaration and the code's NAME_FREE_INTENTS go together.
 * Declared without an intent to answer, Alexa would route requests the skill cannot judge.
 */
export function nameFreeProblems(manifest: unknown, nameFreeIntents: readonly string[]): Problem[] {
  const declared = declaredInterfaces(manifest);
  if (declared === undefined) return [];
  const at = ['manifest', 'apis', 'custom', 'interfaces'];
  if (nameFreeIntents.length > 0 && !declared.includes(CAN_FULFILL)) {
    return [problem(SKILL_MANIFEST, at, `lacks ${CAN_FULFILL}: ${NAME_FREE_CODE} answers CanFulfillIntentRequest for ${nameFreeIntents.join(', ')}, and Alexa asks only a skill that declares it, so "Alexa, play my workout playlist" would never reach the skill.`)];
  }
  if (nameFreeIntents.length === 0 && declared.includes(CAN_FULFILL)) {
    return [problem(SKILL_MANIFEST, at, `declares ${CAN_FULFILL}, but the code answers no intent name-free (NAME_FREE_INTENTS in lambda/alexa/handledIntents.ts is empty).`)];
  }
  return [];
}

/**
 * Skill events are declared in ask-resources.json (userConfig.skillEvents), never in skill.json:
 * SMAPI wants their endpoint beside them, which exists only once the stack is deployed, and the
 * ASK CLI writes both after deploying. A committed `events` would carry a made-up endpoint that
 * SMAPI refuses on the first deploy, or a real one with the AWS account id.
 */
export function skillEventsProblems(manifest: unknown): Problem[] {
  const events = (manifest as { manifest?: { events?: unknown } } | null)?.manifest?.events;
  if (events === undefined) return [];
  return [problem(SKILL_MANIFEST, ['manifest', 'events'], 'must be left out: list the events under userConfig.skillEvents in ask-resources.json, and ask deploy writes them here with the deployed function as their endpoint.')];
}

function words(text: string): string {
  return text.toLowerCase().replace(/[.,!?¡¿«»“”„"]/g, ' ').replace(/\s+/g, ' ').trim();
}

const SLOT_WORDS = '\\S+(?: \\S+)*';

/** A sample as a pattern over the spoken words: each {slot} stands for one word or more. */
function samplePattern(sample: string): RegExp {
  const pieces: string[] = [];
  sample.split(/\{[^{}]*\}/).forEach((part, index) => {
    if (index > 0) pieces.push(SLOT_WORDS);
    const text = words(part);
    if (text !== '') pieces.push(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  });
  return new RegExp(`^${pieces.join(' ')}$`);
}

/**
 * Certification says each example phrase as written: it must open the skill by its invocation
 * name, as the model spells it, with the launch words of the locale's language ("Alexa, ask …",
 * "Alexa, frag …", "Alexa, demande à …", "Alexa, pide a …"), and what follows must be one of the
 * model's sample utterances.
 */
export function examplePhraseProblems(manifest: unknown, locale: string, model: unknown): Problem[] {
  const languageModel = languageModelOf(model);
  const invocationName = languageModel.invocationName;
  const entry = (manifest as { manifest?: { publishingInformation?: { locales?: Record<string, { examplePhrases?: unknown }> } } } | null)
    ?.manifest?.publishingInformation?.locales?.[locale];
  if (typeof invocationName !== 'string' || !Array.isArray(entry?.examplePhrases)) return [];
  const samples = intentsOf(languageModel).flatMap(({ intent }) => samplesOf(intent).map(({ sample }) => samplePattern(sample)));
  const name = words(invocationName);
  const rules = languageRules(locale);
  return entry.examplePhrases.flatMap((phrase: unknown, index: number) => {
    if (typeof phrase !== 'string') return [];
    const at = ['manifest', 'publishingInformation', 'locales', locale, 'examplePhrases', index];
    const afterLaunch = rules.launchPhrase.exec(words(phrase))?.[1];
    if (afterLaunch === undefined || !(afterLaunch === name || afterLaunch.startsWith(`${name} `))) {
      return [problem(SKILL_MANIFEST, at, `"${phrase}" must start ${rules.exampleForm(invocationName)} (the invocation name as the model spells it).`)];
    }
    const request = afterLaunch.slice(name.length).trim().replace(rules.connectingWords, '');
    if (request !== '' && !samples.some((pattern) => pattern.test(request))) {
      return [problem(SKILL_MANIFEST, at, `"${phrase}": "${request}" is not one of the ${locale} model's sample utterances, so it may not work as written.`)];
    }
    return [];
  });
}
