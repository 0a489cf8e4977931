import type { LogLevel } from '../lambda/config';
import { ConfigurationError } from '../lambda/errors';
import { parseFaultNames, type FaultName } from './spotify/faults';

type Env = Readonly<Record<string, string | undefined>>;

/** What `npm start` reads from its environment, besides the skill's own settings (lambda/config.ts). */
export interface LocalConfig {
  /** The endpoint's port; the demo Spotify listens on the next one. 0: any free ports. */
  readonly port: number;
  readonly host: string;
  /** Alexa's signature and timestamp checks at /alexa; off only by ALEXA_VERIFY=off. */
  readonly verify: boolean;
  /** Faults switched on in the demo Spotify from the start. */
  readonly faults: readonly FaultName[];
  readonly slowMs: number | undefined;
  /**
   * The admin routes (fault switch, demo state) on a HOST other than loopback: off unless
   * EXPOSE_ADMIN_ROUTES=on, since anyone who reaches them can change what the skill hears.
   */
  readonly exposeAdmin: boolean;
}

export const DEFAULT_PORT = 3000;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function readPort(env: Env): number {
  const raw = value(env, 'PORT');
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  // The demo Spotify takes the port after it.
  if (!Number.isInteger(port) || port < 0 || port > 65534) throw new ConfigurationError('PORT', `"${raw}" must be a port from 0 to 65534`);
  return port;
}

function readSwitch(env: Env, name: string, fallback: 'on' | 'off'): boolean {
  const raw = (value(env, name) ?? fallback).toLowerCase();
  if (raw !== 'on' && raw !== 'off') throw new ConfigurationError(name, `"${raw}" must be on or off`);
  return raw === 'on';
}

function readFaults(env: Env): FaultName[] {
  const raw = value(env, 'SPOTIFY_FAULT');
  if (raw === undefined) return [];
  try {
    return parseFaultNames(raw);
  } catch (error) {
    throw new ConfigurationError('SPOTIFY_FAULT', (error as Error).message);
  }
}

function readSlowMs(env: Env): number | undefined {
  const raw = value(env, 'SPOTIFY_FAULT_MS');
  if (raw === undefined) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new ConfigurationError('SPOTIFY_FAULT_MS', `"${raw}" must be a whole number of milliseconds from 0 to 60000`);
  return ms;
}

/** SPOTIFY_FAULT and SPOTIFY_FAULT_MS, which `npm run simulate` honours too. */
export function readFaultSettings(env: Env): Pick<LocalConfig, 'faults' | 'slowMs'> {
  return { faults: readFaults(env), slowMs: readSlowMs(env) };
}

export function readLocalConfig(env: Env): LocalConfig {
  return {
    port: readPort(env),
    host: value(env, 'HOST') ?? '127.0.0.1',
    verify: readSwitch(env, 'ALEXA_VERIFY', 'on'),
    ...readFaultSettings(env),
    exposeAdmin: readSwitch(env, 'EXPOSE_ADMIN_ROUTES', 'off'),
  };
}

/** The skill's environment on this machine: the demo Spotify unless SPOTIFY_API_BASE_URL says otherwise. */
export function localSkillEnv(env: Env, demoSpotifyBaseUrl: string, defaultLogLevel: LogLevel): Env {
  return {
    ...env,
    SPOTIFY_API_BASE_URL: value(env, 'SPOTIFY_API_BASE_URL') ?? demoSpotifyBaseUrl,
    LOG_LEVEL: value(env, 'LOG_LEVEL') ?? defaultLogLevel,
  };
}
