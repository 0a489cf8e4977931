import type { HandlerInput } from 'ask-sdk-core';
import { clip } from '../speech/ssml';
import { isRecord, readPlaylistRef, withChanges, type PlaylistRef } from './sessionState';

/** A Spotify Connect device as remembered: its id to address it, its name to find it again if the id changed. */
export interface RememberedDevice {
  readonly id: string;
  readonly name: string;
}

/**
 * What the skill remembers of a listener between sessions, in the ASK SDK's persistent
 * attributes (the `attributes` map of the listener's item). Read defensively: the item may
 * come from an older version of the skill, or from the ASK SDK's own adapter.
 */
export interface ListenerMemory {
  /** The playlist last started, for "play it again". */
  readonly lastPlaylist?: PlaylistRef;
  /** Where it played: chosen again when several devices are idle. */
  readonly lastDevice?: RememberedDevice;
  /** When the account was last linked (AlexaSkillEvent.SkillAccountLinked), ISO 8601. */
  readonly linkedAt?: string;
  /** When the one-time welcome after linking was given, ISO 8601. */
  readonly welcomedAt?: string;
}

export type Recollection =
  | { readonly available: true; readonly memory: ListenerMemory }
  /** No table configured, or it failed (logged where it failed): answer as if nothing were remembered. */
  | { readonly available: false };

type MemoryChanges = { [K in keyof ListenerMemory]?: ListenerMemory[K] | undefined };

const MAX_DEVICE_ID_CHARS = 128;
const MAX_TIME_CHARS = 40;

function readDevice(raw: unknown): RememberedDevice | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') return undefined;
  if (raw.id === '' || raw.id.length > MAX_DEVICE_ID_CHARS) return undefined;
  return { id: raw.id, name: clip(raw.name) };
}

function readTime(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length <= MAX_TIME_CHARS && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}

export function readListenerMemory(raw: unknown): ListenerMemory {
  if (!isRecord(raw)) return {};
  const lastPlaylist = readPlaylistRef(raw.lastPlaylist);
  const lastDevice = readDevice(raw.lastDevice);
  const linkedAt = readTime(raw.linkedAt);
  const welcomedAt = readTime(raw.welcomedAt);
  return {
    ...(lastPlaylist === undefined ? {} : { lastPlaylist }),
    ...(lastDevice === undefined ? {} : { lastDevice }),
    ...(linkedAt === undefined ? {} : { linkedAt }),
    ...(welcomedAt === undefined ? {} : { welcomedAt }),
  };
}

/** The persistent attributes, or undefined when there is no table or it failed. The read itself started with the request. */
async function persistentAttributes(input: HandlerInput): Promise<Record<string, unknown> | undefined> {
  try {
    const raw: unknown = await input.attributesManager.getPersistentAttributes();
    return isRecord(raw) ? raw : {};
  } catch {
    // No persistence adapter (stateless), or the table failed and the adapter logged why.
    return undefined;
  }
}

/** What is remembered of this listener, waiting for the read that the request started. Never throws. */
export async function recall(input: HandlerInput): Promise<Recollection> {
  const raw = await persistentAttributes(input);
  return raw === undefined ? { available: false } : { available: true, memory: readListenerMemory(raw) };
}

/**
 * Sets the given fields (undefined forgets one) for the save at the end of the request.
 * Fields this version does not know are kept: they may belong to a newer one, or to the SDK's own adapter.
 */
export async function remember(input: HandlerInput, changes: MemoryChanges): Promise<void> {
  const current = await persistentAttributes(input);
  if (current === undefined) return;
  input.attributesManager.setPersistentAttributes(withChanges(current, changes));
}

/** Writes what changed now, for requests outside the linked path (skill events). Never throws; the adapter logs failures. */
export async function saveRemembered(input: HandlerInput): Promise<void> {
  await input.attributesManager.savePersistentAttributes().catch(() => undefined);
}

/** Deletes everything stored for this listener; false when there is no table or the delete failed. */
export async function forgetListener(input: HandlerInput): Promise<boolean> {
  const { attributesManager } = input;
  // Optional in the SDK's interface; its own manager has it.
  if (attributesManager.deletePersistentAttributes === undefined) return false;
  try {
    await attributesManager.deletePersistentAttributes();
    return true;
  } catch {
    return false;
  }
}

/** The first launch after the account was linked, before the welcome was given. */
export function welcomeDue(memory: ListenerMemory): boolean {
  return memory.linkedAt !== undefined && memory.welcomedAt === undefined;
}
