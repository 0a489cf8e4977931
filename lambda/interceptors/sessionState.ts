import type { RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { keepResponseWithinLimit } from '../conversation/libraryIndex';
import { keepOnlyKnownSessionState } from '../conversation/sessionState';

/** Runs before any handler, so every handler (and the response) sees only checked session state. */
export const sessionStateInterceptor: RequestInterceptor = {
  process: keepOnlyKnownSessionState,
};

/** Runs after every handler: what the session carries never pushes the response past Alexa's size limit. */
export const sessionSizeInterceptor: ResponseInterceptor = {
  process: keepResponseWithinLimit,
};
