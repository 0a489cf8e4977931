import type { HandlerInput } from 'ask-sdk-core';
import { services } from 'ask-sdk-model';
import { TimeBoxedApiClient } from './timeBoxedApiClient';

/** Spotify answering within this needs no "one moment": most requests never send one. */
export const PROGRESSIVE_AFTER_MS = 400;
/** Alexa's directive service answers in well under a second or not usefully at all. */
const DIRECTIVE_TIMEOUT_MS = 1500;

const apiClient = new TimeBoxedApiClient(DIRECTIVE_TIMEOUT_MS);

async function sendProgressiveSpeech(input: HandlerInput, ssml: string): Promise<void> {
  try {
    const system = input.requestEnvelope.context?.System;
    const requestId = input.requestEnvelope.request?.requestId;
    if (!system?.apiEndpoint || !system.apiAccessToken || !requestId) return;
    const client = new services.directive.DirectiveServiceClient({
      apiClient,
      apiEndpoint: system.apiEndpoint,
      authorizationValue: system.apiAccessToken,
    });
    await client.enqueue({ header: { requestId }, directive: { type: 'VoicePlayer.Speak', speech: `<speak>${ssml}</speak>` } });
  } catch {
    // Best-effort by design: the real answer follows either way.
  }
}

/**
 * Runs `work`; if it is still running after `afterMs`, tells the user to hold on through
 * Alexa's directive service. The progressive response is never awaited, so it can neither
 * delay nor fail the real answer.
 */
export async function speakWhileSlow<T>(input: HandlerInput, ssml: string, work: () => Promise<T>, afterMs = PROGRESSIVE_AFTER_MS): Promise<T> {
  const timer = setTimeout(() => void sendProgressiveSpeech(input, ssml), afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}
