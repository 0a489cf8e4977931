import type { RequestInterceptor } from 'ask-sdk-core';
import { keepOnlyKnownSessionState } from '../conversation/sessionState';

/** Runs before any handler, so every handler (and the response) sees only checked session state. */
export const sessionStateInterceptor: RequestInterceptor = {
  process: keepOnlyKnownSessionState,
};
