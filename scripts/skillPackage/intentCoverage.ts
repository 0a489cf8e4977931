import { HANDLED_INTENTS } from '../../lambda/handlers/handledIntents';
import { intentsOf, languageModelOf } from './modelShape';
import { problem, type Problem } from './problem';

const INTENTS = ['interactionModel', 'languageModel', 'intents'] as const;
const HANDLED_INTENTS_FILE = 'lambda/handlers/handledIntents.ts';

/** Built-ins certification expects every custom skill to answer, linked or not. */
export const REQUIRED_BUILT_INS: readonly string[] = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
];

/**
 * Intents the models already declare while their handlers are still being written (issue 5:
 * playlist details and playback). They are exempt from "no handler answers it"; as soon as the
 * code answers one, keeping it here is itself reported, so the list cannot go stale.
 */
export const INTENTS_AWAITING_HANDLERS: readonly string[] = ['PlaylistDetailsIntent', 'PlayPlaylistIntent'];

export interface IntentExpectations {
  readonly handled: readonly string[];
  readonly awaitingHandlers: readonly string[];
}

export const CODE_EXPECTATIONS: IntentExpectations = { handled: HANDLED_INTENTS, awaitingHandlers: INTENTS_AWAITING_HANDLERS };

/** The model and the code must agree on the intents, in both directions, and the required built-ins must be there. */
export function intentCoverageProblems(file: string, document: unknown, expected: IntentExpectations = CODE_EXPECTATIONS): Problem[] {
  const intents = intentsOf(languageModelOf(document));
  const declared = new Set<string>();
  const out: Problem[] = [];
  for (const { intent, index } of intents) {
    const name = intent.name;
    if (typeof name !== 'string') continue;
    if (declared.has(name)) out.push(problem(file, [...INTENTS, index, 'name'], `${name} is declared more than once.`));
    declared.add(name);
    if (!expected.handled.includes(name) && !expected.awaitingHandlers.includes(name)) {
      out.push(problem(file, [...INTENTS, index, 'name'],
        `no handler answers ${name}; add one (and its name to ${HANDLED_INTENTS_FILE}) or remove the intent.`));
    }
  }
  for (const name of REQUIRED_BUILT_INS) {
    if (!declared.has(name)) out.push(problem(file, INTENTS, `${name} is missing; certification requires it in every locale.`));
  }
  for (const name of expected.handled) {
    if (!declared.has(name) && !REQUIRED_BUILT_INS.includes(name)) {
      out.push(problem(file, INTENTS, `${name} is missing, but the code answers it (${HANDLED_INTENTS_FILE}); add it to this locale.`));
    }
  }
  return out;
}

/** An intent both awaited and answered means the exemption outlived its reason. */
export function staleExemptionProblems(expected: IntentExpectations = CODE_EXPECTATIONS): Problem[] {
  return expected.awaitingHandlers
    .filter((name) => expected.handled.includes(name))
    .map((name) => problem('scripts/skillPackage/intentCoverage.ts', ['INTENTS_AWAITING_HANDLERS'],
      `${name} is answered by the code now; remove it from this list.`));
}
