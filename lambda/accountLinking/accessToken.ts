import { getAccountLinkingAccessToken } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

function usable(token: unknown): string | undefined {
  return typeof token === 'string' && token.trim() !== '' ? token : undefined;
}

/**
 * The Spotify access token Alexa attached to the request, or undefined when the account is
 * not linked. The SDK helper is typed `string` but yields undefined when unlinked (and throws
 * on an envelope without `context`), so both are checked; older simulators fill only
 * `session.user.accessToken`.
 */
export function linkedAccessToken(envelope: RequestEnvelope | undefined): string | undefined {
  if (envelope === undefined || envelope === null) return undefined;
  let fromContext: unknown;
  try {
    fromContext = getAccountLinkingAccessToken(envelope);
  } catch {
    // No context at all: only the session can carry the token.
  }
  return usable(fromContext) ?? usable(envelope.session?.user?.accessToken);
}
