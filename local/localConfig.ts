import type { LogLevel } from '../lambda/config';
import { ConfigurationError } from '../lambda/errors';
import path from 'node:path';
import { DEFAULT_TEMPLATE } from './linking/template';
import { PROJECT_ROOT } from './paths';
import { DEFAULT_ACCESS_TOKEN_SECONDS, DEFAULT_REFRESH_TOKEN_SECONDS, type ClientAuthenticationScheme } from './spotify/accounts/server';
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
  readonly linking: LinkingConfig;
}

/** Account linking in the local run: the template Alexa's side follows, and the demo authorization server's rules. */
export interface LinkingConfig {
  /** LINKING_TEMPLATE: try a changed template here before `npm run link:configure` sends it. */
  readonly templateFile: string;
  /** DEMO_ACCESS_TOKEN_SECONDS: how long the demo Spotify's access tokens live. */
  readonly accessTokenSeconds: number;
  /** DEMO_REFRESH_TOKEN_SECONDS: how long its refresh tokens live (six months, as Spotify's). */
  readonly refreshTokenSeconds: number;
  /** DEMO_CLIENT_AUTH: how its token endpoint takes the client's credentials (HTTP Basic, as Spotify documents). */
  readonly clientAuthentication: ClientAuthenticationScheme;
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
  // The demo Spotify takes the two ports after it.
  if (!Number.isInteger(port) || port < 0 || port > 65533) throw new ConfigurationError('PORT', `"${raw}" must be a port from 0 to 65533`);
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

function readSeconds(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 10 * 365 * 24 * 3600) throw new ConfigurationError(name, `"${raw}" must be a whole number of seconds from 1 to 315360000`);
  return seconds;
}

function readClientAuthentication(env: Env): ClientAuthenticationScheme {
  const raw = (value(env, 'DEMO_CLIENT_AUTH') ?? 'HTTP_BASIC').toUpperCase();
  if (raw !== 'HTTP_BASIC' && raw !== 'REQUEST_BODY_CREDENTIALS') throw new ConfigurationError('DEMO_CLIENT_AUTH', `"${raw}" must be HTTP_BASIC or REQUEST_BODY_CREDENTIALS`);
  return raw;
}

/** The account-linking settings, which `npm run simulate` honours too. */
export function readLinkingConfig(env: Env): LinkingConfig {
  const template = value(env, 'LINKING_TEMPLATE');
  return {
    templateFile: template === undefined ? DEFAULT_TEMPLATE : path.resolve(template),
    accessTokenSeconds: readSeconds(env, 'DEMO_ACCESS_TOKEN_SECONDS', DEFAULT_ACCESS_TOKEN_SECONDS),
    refreshTokenSeconds: readSeconds(env, 'DEMO_REFRESH_TOKEN_SECONDS', DEFAULT_REFRESH_TOKEN_SECONDS),
    clientAuthentication: readClientAuthentication(env),
  };
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
    linking: readLinkingConfig(env),
  };
}

/** Where the skill's log goes unless LOG_FILE says otherwise, so that it never cuts into a conversation. */
export const DEFAULT_LOG_FILE = path.join(PROJECT_ROOT, 'build', 'local', 'playlist-pal.log');

/** LOG_FILE: the file the local run writes the skill's log to (`npm run simulate` always, `npm start` on a terminal). */
export function readLogFile(env: Env): string {
  const file = value(env, 'LOG_FILE');
  return file === undefined ? DEFAULT_LOG_FILE : path.resolve(file);
}

/** The skill's environment on this machine: the demo Spotify unless SPOTIFY_API_BASE_URL says otherwise. */
export function localSkillEnv(env: Env, demoSpotifyBaseUrl: string, defaultLogLevel: LogLevel): Env {
  return {
    ...env,
    SPOTIFY_API_BASE_URL: value(env, 'SPOTIFY_API_BASE_URL') ?? demoSpotifyBaseUrl,
    LOG_LEVEL: value(env, 'LOG_LEVEL') ?? defaultLogLevel,
  };
}
