import type { HandlerInput } from 'ask-sdk-core';

/**
 * What the skill remembers between turns of one session, in session attributes (Lambda keeps
 * nothing between requests). Read defensively: the attributes come back from the device.
 */
export interface SessionState {
  /** Set while "want to hear more?" is pending: where the next page of playlists starts. */
  listNextOffset?: number;
}

export function readSession(input: HandlerInput): SessionState {
  const raw = input.attributesManager.getSessionAttributes() as Record<string, unknown>;
  const offset = raw.listNextOffset;
  return typeof offset === 'number' && Number.isInteger(offset) && offset > 0 ? { listNextOffset: offset } : {};
}

export function updateSession(input: HandlerInput, changes: Partial<Record<keyof SessionState, number | undefined>>): void {
  const attributes = { ...input.attributesManager.getSessionAttributes() };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete attributes[key];
    else attributes[key] = value;
  }
  input.attributesManager.setSessionAttributes(attributes);
}
