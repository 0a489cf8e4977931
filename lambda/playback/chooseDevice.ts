import type { Device } from '../spotify';

export type DeviceChoice =
  | { readonly kind: 'device'; readonly device: Device & { readonly id: string } }
  /** Nothing Spotify could play on: the user has to open Spotify somewhere. */
  | { readonly kind: 'none' }
  /** Several devices, none playing and none an obvious speaker: guessing would surprise the user. */
  | { readonly kind: 'unclear'; readonly count: number };

const ECHO_NAME = /\b(echo|alexa)\b/i;

function targetable(device: Device): device is Device & { readonly id: string } {
  // A restricted device rejects Web API commands; one without an id cannot be addressed.
  return !device.isRestricted && device.id !== undefined && device.id !== '';
}

/**
 * Where to start playback: the device already playing, else an Echo, else another speaker,
 * else the only device there is.
 */
export function chooseDevice(devices: readonly Device[]): DeviceChoice {
  const usable = devices.filter(targetable);
  const device =
    usable.find((candidate) => candidate.isActive) ??
    usable.find((candidate) => candidate.type === 'Speaker' && ECHO_NAME.test(candidate.name)) ??
    usable.find((candidate) => candidate.type === 'Speaker') ??
    (usable.length === 1 ? usable[0] : undefined);
  if (device !== undefined) return { kind: 'device', device };
  return usable.length === 0 ? { kind: 'none' } : { kind: 'unclear', count: usable.length };
}
