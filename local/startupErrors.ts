import { ConfigurationError } from '../lambda/errors';
import { PortInUseError } from './http';
import { LinkingTemplateError } from './linking/template';
import { InteractionModelError } from './simulator/interactionModel';

/** One clear sentence for the mistakes a newcomer can fix; the whole story for anything else. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigurationError) return `Configuration: ${error.message}`;
  if (error instanceof PortInUseError || error instanceof InteractionModelError || error instanceof LinkingTemplateError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
