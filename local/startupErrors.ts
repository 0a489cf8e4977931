import { ConfigurationError } from '../lambda/errors';
import { ListenError } from './http';
import { LinkingTemplateError } from './linking/template';
import { InteractionModelError } from './simulator/interactionModel';

/** The mistakes a newcomer can fix (a setting, a port, a template, a model), each with a message that says how. */
export function isExpectedStartupError(error: unknown): boolean {
  return (
    error instanceof ConfigurationError ||
    error instanceof ListenError ||
    error instanceof InteractionModelError ||
    error instanceof LinkingTemplateError
  );
}

/** One clear sentence for the mistakes a newcomer can fix; the whole story for anything else. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigurationError) return `Configuration: ${error.message}`;
  if (isExpectedStartupError(error)) return (error as Error).message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
