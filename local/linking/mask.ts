import { createHash } from 'node:crypto';

/**
 * How a token is shown anywhere the local run prints: a short fingerprint, enough to see that a
 * refresh brought a new one, never the token or any part of it.
 */
export function maskToken(token: string, kind = 'token'): string {
  return `${kind}#${createHash('sha256').update(token).digest('hex').slice(0, 6)}`;
}
