import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translatorFor, type SupportedLocale } from '../../lambda/i18n';
import { REGIONAL_VARIANTS, type RegionalVariant } from './regionalVariants';

export const MODELS_DIR = 'skill-package/interactionModels/custom';

/** The prompt Alexa would say for a slot the skill delegates, and the sentence it must equal. */
export const PROMPT_SENTENCES: Readonly<Record<string, string>> = {
  'Elicit.Slot.PlayPlaylistIntent.playlist': 'playlistName.askPlay',
  'Elicit.Slot.PlaylistDetailsIntent.playlist': 'playlistName.askDetails',
};

interface ModelIntent {
  name: string;
  samples?: string[];
}
interface Model {
  interactionModel: {
    languageModel: { intents?: ModelIntent[]; types?: Array<{ name: string; values?: Array<{ name: { value: string } }> }> };
    prompts?: Array<{ id: string; variations?: Array<{ type: string; value: string }> }>;
  };
}

/** A regional model: the language's own, with the region's extra samples and values, and its prompts in the region's sentences. */
export function produceModel(source: string, locale: SupportedLocale, variant: RegionalVariant): string {
  const model = JSON.parse(source) as Model;
  const { languageModel, prompts } = model.interactionModel;
  for (const intent of languageModel.intents ?? []) {
    const extra = variant.extraSamples?.[intent.name];
    if (extra !== undefined) intent.samples = [...(intent.samples ?? []), ...extra];
  }
  const values = languageModel.types?.[0]?.values;
  if (values !== undefined) values.push(...(variant.extraValues ?? []).map((value) => ({ name: { value } })));
  const { t } = translatorFor(locale);
  for (const prompt of prompts ?? []) {
    const key = PROMPT_SENTENCES[prompt.id];
    if (key !== undefined) prompt.variations = [{ type: 'PlainText', value: t(key) }];
  }
  return `${JSON.stringify(model, null, 2)}\n`;
}

export interface ProducedModel {
  readonly locale: SupportedLocale;
  readonly from: SupportedLocale;
  /** Relative to the project root. */
  readonly file: string;
  readonly text: string;
}

/** Every regional model as `npm run models` writes it, from the language models under `root`. */
export function produceModels(root: string): ProducedModel[] {
  return (Object.entries(REGIONAL_VARIANTS) as Array<[SupportedLocale, RegionalVariant]>).map(([locale, variant]) => {
    const source = readFileSync(path.join(root, MODELS_DIR, `${variant.from}.json`), 'utf8');
    return { locale, from: variant.from, file: `${MODELS_DIR}/${locale}.json`, text: produceModel(source, locale, variant) };
  });
}
