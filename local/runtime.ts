import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Skill as CustomSkill } from 'ask-sdk-core';
import { loadConfig, type LogLevel, type SkillConfig } from '../lambda/config';
import { Logger, type LogSink } from '../lambda/logging/logger';
import { buildSkill, createDependencies } from '../lambda/skill';
import { adminRoutes } from './admin';
import { alexaEndpoint } from './endpoint/alexaEndpoint';
import { alexaVerifiers, type Verifier } from './endpoint/verification';
import { listen, refuse, requestPath, sendJson, type RouteHandler } from './http';
import { localSkillEnv, type LocalConfig } from './localConfig';
import { PROJECT_ROOT } from './paths';
import { startLocalPersistence, type LocalPersistence } from './persistence/localPersistence';
import { startDemoSpotify, type DemoSpotify } from './spotify/demoSpotify';

type Env = Readonly<Record<string, string | undefined>>;

export const stderrSink: LogSink = (line) => process.stderr.write(`${line}\n`);

/** Where the skill's log goes while a person converses on the terminal, so it does not cut into the conversation. */
export const SESSION_LOG = path.join(PROJECT_ROOT, 'build', 'local', 'playlist-pal.log');

export function fileSink(file: string): LogSink {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  return (line) => appendFileSync(file, `${line}\n`);
}

export interface LocalSkill {
  /** The very object Lambda's handler invokes, built by lambda/skill.ts. */
  readonly skill: CustomSkill;
  readonly config: SkillConfig;
  readonly logger: Logger;
}

/** The skill as lambda/index.ts builds it, configured for this machine (and its listener table, when `persistence` has one). */
export function createLocalSkill(
  env: Env,
  demoSpotifyBaseUrl: string,
  sink: LogSink = stderrSink,
  defaultLogLevel: LogLevel = 'info',
  persistence?: LocalPersistence,
): LocalSkill {
  const config = loadConfig(localSkillEnv({ ...env, ...persistence?.env }, demoSpotifyBaseUrl, defaultLogLevel));
  const logger = new Logger(config.logLevel, sink);
  return { skill: buildSkill(createDependencies(config, logger, persistence?.overrides)), config, logger };
}

export interface LocalRuntimeOptions {
  readonly env: Env;
  readonly local: LocalConfig;
  readonly sink?: LogSink;
  /** Replaces Alexa's checks (tests); ignored when verification is off. */
  readonly verifiers?: readonly Verifier[];
}

export interface LocalRuntime extends LocalSkill {
  readonly demo: DemoSpotify;
  /** Where listeners are remembered: the embedded DynamoDB by default. */
  readonly persistence: LocalPersistence;
  readonly urls: { readonly alexa: string; readonly admin: string; readonly spotify: string };
  close(): Promise<void>;
}

function origin(server: http.Server): string {
  const address = server.address() as AddressInfo;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

function router(alexa: RouteHandler, admin: RouteHandler, index: () => unknown, logger: Logger): http.RequestListener {
  return (req, res) => {
    const path = requestPath(req);
    if (path === undefined) return refuse(res, 400, 'the request target is not a URL');
    const route: RouteHandler | undefined =
      path === '/alexa' ? alexa : path.startsWith('/admin/') ? admin : path === '/' ? () => sendJson(res, 200, index()) : undefined;
    if (route === undefined) return refuse(res, 404, 'nothing here: POST /alexa, /admin/faults, /admin/state');
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      logger.error('local server failed', { path, error });
      if (!res.headersSent) refuse(res, 500, 'the local server failed; see its log');
    });
  };
}

/**
 * Everything `npm start` serves: the demo Spotify on PORT+1, and on PORT the skill's endpoint
 * (`POST /alexa`) and the demo Spotify's fault switch (`/admin/…`).
 */
export async function startLocalRuntime({ env, local, sink = stderrSink, verifiers }: LocalRuntimeOptions): Promise<LocalRuntime> {
  const demo = await startDemoSpotify(local.host, local.port === 0 ? 0 : local.port + 1);
  let persistence: LocalPersistence | undefined;
  try {
    persistence = await startLocalPersistence(env);
    for (const fault of local.faults) demo.faults.switchOn(fault, { ms: local.slowMs });
    const localSkill = createLocalSkill(env, demo.standIn.baseUrl, sink, 'info', persistence);
    const { logger } = localSkill;
    if (!local.verify) {
      logger.warn('ALEXA_VERIFY=off: /alexa accepts requests WITHOUT checking Alexa\'s signature or timestamp; never expose it like this');
    }
    const server = http.createServer();
    const urls = { alexa: '', admin: '', spotify: demo.standIn.baseUrl };
    const endpoint = alexaEndpoint({ skill: localSkill.skill, logger, verifiers: local.verify ? (verifiers ?? alexaVerifiers()) : [] });
    const table = persistence.table;
    server.on('request', router(endpoint, adminRoutes(demo, table && (() => table.items())), () => urls, logger));
    await listen(server, local.port, local.host, 'the Alexa endpoint');
    urls.alexa = `${origin(server)}/alexa`;
    urls.admin = `${origin(server)}/admin/faults`;
    const started = persistence;
    return {
      ...localSkill,
      demo,
      persistence: started,
      urls,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await demo.close();
        await started.close();
      },
    };
  } catch (error) {
    await demo.close();
    await persistence?.close();
    throw error;
  }
}
