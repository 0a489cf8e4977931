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

/** A device the skill played on before, as remembered between sessions. */
export interface PreviousDevice {
  readonly id: string;
  readonly name: string;
}

/** The previous device among `usable`: by id, or (Spotify may hand out a new id) by its name when exactly one has it. */
function previousAmong(usable: ReadonlyArray<Device & { readonly id: string }>, previous: PreviousDevice | undefined) {
  if (previous === undefined) return undefined;
  const byId = usable.find((candidate) => candidate.id === previous.id);
  if (byId !== undefined) return byId;
  const byName = usable.filter((candidate) => candidate.name === previous.name);
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Where to start playback: the device already playing, else the one the listener last played
 * on (the best guess of all when several are idle), else an Echo, else another speaker, else
 * the only device there is.
 */
export function chooseDevice(devices: readonly Device[], previous?: PreviousDevice): DeviceChoice {
  const usable = devices.filter(targetable);
  const device =
    usable.find((candidate) => candidate.isActive) ??
    previousAmong(usable, previous) ??
    usable.find((candidate) => candidate.type === 'Speaker' && ECHO_NAME.test(candidate.name)) ??
    usable.find((candidate) => candidate.type === 'Speaker') ??
    (usable.length === 1 ? usable[0] : undefined);
  if (device !== undefined) return { kind: 'device', device };
  return usable.length === 0 ? { kind: 'none' } : { kind: 'unclear', count: usable.length };
}
