import type { RequestInterceptor } from 'ask-sdk-core';
import { TRUSTED_ALEXA_API_ORIGIN_ATTRIBUTE } from '../alexa/progressiveResponse';

/**
 * Hands the configured extra Alexa API origin (TRUSTED_ALEXA_API_ORIGIN) to the code that sends
 * progressive responses, through the SDK's request attributes: one per skill, never global.
 */
export function trustedAlexaApiInterceptor(trustedOrigin: string | undefined): RequestInterceptor {
  return {
    process(input) {
      if (trustedOrigin === undefined) return;
      input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), [TRUSTED_ALEXA_API_ORIGIN_ATTRIBUTE]: trustedOrigin });
    },
  };
}
