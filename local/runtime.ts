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
import { createLocalServer, isLoopbackHost, type ServerLimits, listen, readBodyOrRefuse, refuse, requestPath, sendJson, type RouteHandler } from './http';
import { localSkillEnv, type LocalConfig } from './localConfig';
import { PROJECT_ROOT } from './paths';
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

/** The skill as lambda/index.ts builds it, configured for this machine. */
export function createLocalSkill(env: Env, demoSpotifyBaseUrl: string, sink: LogSink = stderrSink, defaultLogLevel: LogLevel = 'info'): LocalSkill {
  const config = loadConfig(localSkillEnv(env, demoSpotifyBaseUrl, defaultLogLevel));
  const logger = new Logger(config.logLevel, sink);
  return { skill: buildSkill(createDependencies(config, logger)), config, logger };
}

export interface LocalRuntimeOptions {
  readonly env: Env;
  readonly local: LocalConfig;
  readonly sink?: LogSink;
  /** Replaces Alexa's checks (tests); ignored when verification is off. */
  readonly verifiers?: readonly Verifier[];
  /** Replaces the endpoint's timeouts and connection cap (tests); SERVER_LIMITS otherwise. */
  readonly serverLimits?: ServerLimits;
}

export interface LocalRuntime extends LocalSkill {
  readonly demo: DemoSpotify;
  readonly urls: { readonly alexa: string; readonly admin: string; readonly spotify: string };
  /** Whether /admin/… is served: always on a loopback HOST, elsewhere only with EXPOSE_ADMIN_ROUTES=on. */
  readonly adminEnabled: boolean;
  close(): Promise<void>;
}

function origin(server: http.Server): string {
  const address = server.address() as AddressInfo;
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

const ADMIN_OFF: RouteHandler = (_req, res) =>
  refuse(res, 404, 'the admin routes are off: HOST is not a loopback address (EXPOSE_ADMIN_ROUTES=on switches them on)');

/** A progressive response is a few hundred bytes. */
const MAX_DIRECTIVE_BYTES = 16 * 1024;

/**
 * Alexa's directive service, as far as the local run needs it: the skill may send its "one
 * moment" here (TRUSTED_ALEXA_API_ORIGIN names this server), and it is logged, not spoken.
 */
function directiveService(logger: Logger): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'POST') return refuse(res, 405, 'POST a directive to /v1/directives');
    const body = await readBodyOrRefuse(req, res, MAX_DIRECTIVE_BYTES);
    if (body === undefined) return;
    logger.info('progressive response received', { bytes: Buffer.byteLength(body) });
    res.writeHead(204).end();
  };
}

function router(routes: { alexa: RouteHandler; admin: RouteHandler; directives: RouteHandler }, index: () => unknown, logger: Logger): http.RequestListener {
  return (req, res) => {
    const path = requestPath(req);
    if (path === undefined) return refuse(res, 400, 'the request target is not a URL');
    const route: RouteHandler | undefined =
      path === '/alexa'
        ? routes.alexa
        : path.startsWith('/admin/')
          ? routes.admin
          : path === '/v1/directives'
            ? routes.directives
            : path === '/'
              ? () => sendJson(res, 200, index())
              : undefined;
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
export async function startLocalRuntime({ env, local, sink = stderrSink, verifiers, serverLimits }: LocalRuntimeOptions): Promise<LocalRuntime> {
  // Only the skill, in this process, talks to the demo Spotify: it never needs another interface.
  const demoHost = isLoopbackHost(local.host) ? local.host : '127.0.0.1';
  const demo = await startDemoSpotify(demoHost, local.port === 0 ? 0 : local.port + 1);
  const server = createLocalServer(serverLimits);
  try {
    for (const fault of local.faults) demo.faults.switchOn(fault, { ms: local.slowMs });
    await listen(server, local.port, local.host, 'the Alexa endpoint');
    const own = origin(server);
    // The skill may send progressive responses, with the user's Alexa API token, to this server and to Alexa's hosts only.
    const localSkill = createLocalSkill({ TRUSTED_ALEXA_API_ORIGIN: own, ...env }, demo.standIn.baseUrl, sink);
    const { logger } = localSkill;
    if (!local.verify) {
      logger.warn('ALEXA_VERIFY=off: /alexa accepts requests WITHOUT checking Alexa\'s signature or timestamp; never expose it like this');
    }
    const adminEnabled = isLoopbackHost(local.host) || local.exposeAdmin;
    const urls = { alexa: `${own}/alexa`, admin: `${own}/admin/faults`, spotify: demo.standIn.baseUrl };
    const routes = {
      alexa: alexaEndpoint({ skill: localSkill.skill, logger, verifiers: local.verify ? (verifiers ?? alexaVerifiers()) : [] }),
      admin: adminEnabled ? adminRoutes(demo, { exposed: !isLoopbackHost(local.host) }) : ADMIN_OFF,
      directives: directiveService(logger),
    };
    server.on('request', router(routes, () => urls, logger));
    return {
      ...localSkill,
      demo,
      urls,
      adminEnabled,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await demo.close();
      },
    };
  } catch (error) {
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    await demo.close();
    throw error;
  }
}
