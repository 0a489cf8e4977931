import { errorJson } from './model';
import type { FaultRule, SpotifyStandIn } from './standIn';

/**
 * Named faults for trying the skill out by hand (admin route, SPOTIFY_FAULT): each one stays
 * on until cleared, for every matching request, so a person can poke at it at their pace.
 */
export const FAULTS = {
  slow: 'every answer is late (4 s by default, longer than the skill waits for one call)',
  '429': 'Spotify says 429 Too Many Requests, with Retry-After: 30',
  '500': 'Spotify says 500 Internal Server Error',
  expired: "Spotify says 401: the user's access token expired",
  premium: 'starting playback says 403 PREMIUM_REQUIRED',
  'no-device': 'starting playback says 404 NO_ACTIVE_DEVICE',
  garbage: 'Spotify answers 200 with an HTML page instead of JSON',
  reset: 'Spotify drops the connection without an answer',
  'not-registered': "every call says 403 'User not registered in the Developer Dashboard' (plain text), as for an account missing from a development-mode app",
} as const;

export type FaultName = keyof typeof FAULTS;

export const DEFAULT_SLOW_MS = 4000;
const PLAY = '/me/player/play';

export interface FaultSettings {
  /** How late `slow` answers. */
  readonly ms?: number;
}

export function isFaultName(name: string): name is FaultName {
  return Object.prototype.hasOwnProperty.call(FAULTS, name);
}

function ruleFor(name: FaultName, settings: FaultSettings): FaultRule {
  switch (name) {
    case 'slow':
      return { fault: { kind: 'delay', ms: settings.ms ?? DEFAULT_SLOW_MS } };
    case '429':
      return { fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } } };
    case '500':
      return { fault: { kind: 'status', status: 500 } };
    case 'expired':
      return { fault: { kind: 'status', status: 401, body: errorJson(401, 'The access token expired') } };
    case 'premium':
      return { method: 'PUT', path: PLAY, fault: { kind: 'status', status: 403, body: errorJson(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED') } };
    case 'no-device':
      return { method: 'PUT', path: PLAY, fault: { kind: 'status', status: 404, body: errorJson(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE') } };
    case 'garbage':
      return { fault: { kind: 'raw', status: 200, contentType: 'text/html', body: '<html><body>Service temporarily unavailable</body></html>' } };
    case 'reset':
      return { fault: { kind: 'reset' } };
    case 'not-registered':
      return { fault: { kind: 'raw', status: 403, contentType: 'text/plain', body: 'User not registered in the Developer Dashboard' } };
  }
}

export interface ActiveFault {
  readonly name: FaultName;
  readonly description: string;
  readonly ms?: number;
}

/** The faults switched on in a demo Spotify, and the one way to change them. */
export class FaultSwitch {
  /** One rule per fault name at most: switching a fault on again replaces it (a new delay, say), never piles up. */
  private readonly switchedOn = new Map<FaultName, { readonly fault: ActiveFault; readonly rule: FaultRule }>();

  constructor(private readonly spotify: SpotifyStandIn) {}

  get active(): readonly ActiveFault[] {
    return [...this.switchedOn.values()].map(({ fault }) => fault);
  }

  switchOn(name: FaultName, settings: FaultSettings = {}): void {
    const previous = this.switchedOn.get(name);
    if (previous !== undefined) this.spotify.removeFault(previous.rule);
    // Deleted first, so the fault switched on last is listed last.
    this.switchedOn.delete(name);
    const rule = this.spotify.inject({ ...ruleFor(name, settings), times: Infinity });
    this.switchedOn.set(name, { fault: { name, description: FAULTS[name], ...(name === 'slow' ? { ms: settings.ms ?? DEFAULT_SLOW_MS } : {}) }, rule });
  }

  clear(): void {
    this.spotify.clearFaults();
    this.switchedOn.clear();
  }
}

/** Reads "slow" or "429,500" (as in SPOTIFY_FAULT); throws with the list of known names. */
export function parseFaultNames(text: string): FaultName[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isFaultName(name));
  if (unknown.length > 0) {
    throw new Error(`unknown fault ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${Object.keys(FAULTS).join(', ')}`);
  }
  return names as FaultName[];
}
