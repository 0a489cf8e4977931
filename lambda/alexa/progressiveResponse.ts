import type { HandlerInput } from 'ask-sdk-core';
import { services } from 'ask-sdk-model';
import { TimeBoxedApiClient } from './timeBoxedApiClient';

/** Spotify answering within this needs no "one moment": most requests never send one. */
export const PROGRESSIVE_AFTER_MS = 400;
/** Alexa's directive service answers in well under a second or not usefully at all. */
const DIRECTIVE_TIMEOUT_MS = 1500;

const apiClient = new TimeBoxedApiClient(DIRECTIVE_TIMEOUT_MS);

/** Alexa's API hosts, one per region; the envelope's `apiEndpoint` names the user's. */
const ALEXA_API_HOSTS: ReadonlySet<string> = new Set(['api.amazonalexa.com', 'api.eu.amazonalexa.com', 'api.fe.amazonalexa.com']);

/** The request attribute that carries the configured extra origin (TRUSTED_ALEXA_API_ORIGIN). */
export const TRUSTED_ALEXA_API_ORIGIN_ATTRIBUTE = 'trustedAlexaApiOrigin';

function trustedOrigin(input: HandlerInput): string | undefined {
  const origin: unknown = input.attributesManager?.getRequestAttributes()[TRUSTED_ALEXA_API_ORIGIN_ATTRIBUTE];
  return typeof origin === 'string' ? origin : undefined;
}

/**
 * Whether `apiEndpoint` may receive the user's Alexa API token: one of Alexa's own API hosts
 * over https on the standard port, or exactly the origin the configuration names. The envelope
 * says where to send it, and a forged envelope could name any host.
 */
export function isTrustedApiEndpoint(apiEndpoint: unknown, extraOrigin?: string): apiEndpoint is string {
  if (typeof apiEndpoint !== 'string') return false;
  let url: URL;
  try {
    url = new URL(apiEndpoint);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (extraOrigin !== undefined && url.origin === extraOrigin) return true;
  return url.protocol === 'https:' && url.port === '' && ALEXA_API_HOSTS.has(url.hostname);
}

async function sendProgressiveSpeech(input: HandlerInput, ssml: string): Promise<void> {
  try {
    const system = input.requestEnvelope.context?.System;
    const requestId = input.requestEnvelope.request?.requestId;
    if (!isTrustedApiEndpoint(system?.apiEndpoint, trustedOrigin(input)) || typeof system?.apiAccessToken !== 'string' || typeof requestId !== 'string') return;
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
