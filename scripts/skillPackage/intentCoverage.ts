import { HANDLED_INTENTS } from '../../lambda/alexa/handledIntents';
import { intentsOf, languageModelOf } from './modelShape';
import { problem, type Problem } from './problem';

const INTENTS = ['interactionModel', 'languageModel', 'intents'] as const;
const HANDLED_INTENTS_FILE = 'lambda/alexa/handledIntents.ts';

/** Built-ins certification expects every custom skill to answer, linked or not. */
export const REQUIRED_BUILT_INS: readonly string[] = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
];

/** The model and the code must agree on the intents, in both directions, and the required built-ins must be there. */
export function intentCoverageProblems(file: string, document: unknown, handled: readonly string[] = HANDLED_INTENTS): Problem[] {
  const intents = intentsOf(languageModelOf(document));
  const declared = new Set<string>();
  const out: Problem[] = [];
  for (const { intent, index } of intents) {
    const name = intent.name;
    if (typeof name !== 'string') continue;
    if (declared.has(name)) out.push(problem(file, [...INTENTS, index, 'name'], `${name} is declared more than once.`));
    declared.add(name);
    if (!handled.includes(name)) {
      out.push(problem(file, [...INTENTS, index, 'name'],
        `no handler answers ${name}; add one (and its name to ${HANDLED_INTENTS_FILE}) or remove the intent.`));
    }
  }
  for (const name of REQUIRED_BUILT_INS) {
    if (!declared.has(name)) out.push(problem(file, INTENTS, `${name} is missing; certification requires it in every locale.`));
  }
  for (const name of handled) {
    if (!declared.has(name) && !REQUIRED_BUILT_INS.includes(name)) {
      out.push(problem(file, INTENTS, `${name} is missing, but the code answers it (${HANDLED_INTENTS_FILE}); add it to this locale.`));
    }
  }
  return out;
}
