import type { RequestInterceptor } from 'ask-sdk-core';
import { replayAcceptedRetry } from '../conversation/retry';

/** After the session state is checked and before any handler: "yes" to "want me to try again?" is the failed request again. */
export const retryInterceptor: RequestInterceptor = {
  process: replayAcceptedRetry,
};
