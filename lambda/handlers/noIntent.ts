import type { RequestHandler } from 'ask-sdk-core';
import { isIntent } from '../alexa/requestMatchers';
import { closeOnNo } from '../conversation/closing';

/** "No" to "want to hear more?" (or to anything else): close politely. */
export const noIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle: closeOnNo,
};
