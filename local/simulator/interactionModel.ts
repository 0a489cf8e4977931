import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { INTERACTION_MODELS_DIR } from '../paths';

/** The parts of an interaction model the simulator needs to turn words into intents. */
const interactionModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string().min(1),
      intents: z
        .array(
          z.object({
            name: z.string().min(1),
            slots: z
              .array(
                z.object({
                  name: z.string().min(1),
                  type: z.string().min(1),
                  /** What people say when the skill asks for this slot alone (Dialog.ElicitSlot). */
                  samples: z.array(z.string()).optional(),
                }),
              )
              .optional(),
            samples: z.array(z.string()).optional(),
          }),
        )
        .min(1),
    }),
  }),
});

export type LanguageModel = z.infer<typeof interactionModelSchema>['interactionModel']['languageModel'];

/** A model file that is missing, not JSON, or not shaped like an interaction model; the message says which and where. */
export class InteractionModelError extends Error {
  override readonly name = 'InteractionModelError';
}

export function modelPath(locale: string, dir = INTERACTION_MODELS_DIR): string {
  return path.join(dir, `${locale}.json`);
}

/** The locales that have an interaction model in `dir`, which the simulator can speak. */
export function availableLocales(dir = INTERACTION_MODELS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length));
  } catch {
    return [];
  }
}

/** Reads `<dir>/<locale>.json`, or throws {@link InteractionModelError} with a message a newcomer can act on. */
export function loadLanguageModel(locale: string, dir = INTERACTION_MODELS_DIR): LanguageModel {
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale)) {
    throw new InteractionModelError(`"${locale}" is not a locale like en-US or en-GB.`);
  }
  const file = modelPath(locale, dir);
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const available = availableLocales(dir);
    throw new InteractionModelError(
      `There is no interaction model for ${locale} (${shown}). Available: ${available.length > 0 ? available.join(', ') : 'none'}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InteractionModelError(`The interaction model ${shown} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = interactionModelSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new InteractionModelError(`The interaction model ${shown} is not shaped like one: ${problems.slice(0, 3).join('; ')}`);
  }
  return parsed.data.interactionModel.languageModel;
}
