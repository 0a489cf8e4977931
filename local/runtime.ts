import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Skill as CustomSkill } from 'ask-sdk-core';
import { loadConfig, type LogLevel, type SkillConfig } from '../lambda/config';
import { ConfigurationError } from '../lambda/errors';
import { Logger, type LogSink } from '../lambda/logging/logger';
import { buildSkill, createDependencies } from '../lambda/skill';
import { adminRoutes } from './admin';
import { adminAccess, guardAdmin, type AdminAccess } from './adminGuard';
import { DIRECTIVES_PATH, LocalDirectiveService } from './alexaApi/directives';
import { alexaEndpoint } from './endpoint/alexaEndpoint';
import { alexaVerifiers, type Verifier } from './endpoint/verification';
import { createLocalServer, isLoopbackHost, listen, refuse, requestPath, sendJson, serverOrigin, type RouteHandler, type ServerLimits } from './http';
import { AlexaAccountLinking, alexaRedirectUrls } from './linking/alexaLinking';
import { LINK_CALLBACK_PATH, linkCallbackRoute } from './linking/linkCallback';
import { LocalLinking } from './linking/localLinking';
import { forDemoSpotify, readLinkingTemplate, type LinkingTemplate } from './linking/template';
import { localSkillEnv, type LocalConfig } from './localConfig';
import { startLocalPersistence, type LocalPersistence } from './persistence/localPersistence';
import { startDemoSpotify, type DemoSpotify } from './spotify/demoSpotify';
import { webSimulatorRoutes } from './web/routes';
import { WebSimulator } from './web/webSimulator';

type Env = Readonly<Record<string, string | undefined>>;

export const stderrSink: LogSink = (line) => process.stderr.write(`${line}\n`);

/** A log written to `file`, emptied first: one run's log. A file that cannot be written is a bad LOG_FILE. */
export function fileSink(file: string): LogSink {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
  } catch (error) {
    throw new ConfigurationError('LOG_FILE', `cannot write the skill's log to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); name a file you can write`);
  }
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
  /** Replaces the endpoint's timeouts and connection cap (tests); SERVER_LIMITS otherwise. */
  readonly serverLimits?: ServerLimits;
}

export interface LocalRuntime extends LocalSkill {
  readonly demo: DemoSpotify;
  /** Where listeners are remembered: the embedded DynamoDB by default. */
  readonly persistence: LocalPersistence;
  readonly urls: { readonly web: string; readonly alexa: string; readonly admin: string; readonly spotify: string; readonly authorize: string; readonly token: string };
  /** Alexa's side of account linking and the user's actions on it, for any number of simulated users. */
  readonly linking: LocalLinking;
  /** The template as the local run links with it: the file's settings, the demo Spotify's URLs and credentials. */
  readonly template: LinkingTemplate;
  readonly linkingTemplateFile: string;
  /** Alexa's directive service (progressive responses) on this runtime's own origin, which the skill's configuration names. */
  readonly directives: LocalDirectiveService;
  /** The web simulator's user and conversation (the page at `/`). */
  readonly web: WebSimulator;
  /** Who may use /admin/…: anyone on this machine on a loopback HOST; elsewhere only with EXPOSE_ADMIN_ROUTES=on. */
  readonly adminAccess: AdminAccess;
  close(): Promise<void>;
}

interface Routes {
  readonly alexa: RouteHandler;
  readonly admin: RouteHandler;
  readonly linkCallback: RouteHandler;
  readonly directives: RouteHandler;
  /** The web simulator: the page at `/`, its files and API under /simulator/. */
  readonly web: RouteHandler;
}

function router(routes: Routes, logger: Logger): http.RequestListener {
  return (req, res) => {
    const path = requestPath(req);
    if (path === undefined) return refuse(res, 400, 'the request target is not a URL');
    const route: RouteHandler | undefined =
      path === '/alexa'
        ? routes.alexa
        : path.startsWith('/admin/')
          ? routes.admin
          : path === LINK_CALLBACK_PATH
            ? routes.linkCallback
            : path === DIRECTIVES_PATH
              ? routes.directives
              : path === '/' || path.startsWith('/simulator/')
                ? routes.web
                : undefined;
    if (route === undefined) return refuse(res, 404, 'nothing here: the web simulator at /, POST /alexa, /admin/faults, /admin/state');
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      logger.error('local server failed', { path, error });
      if (!res.headersSent) refuse(res, 500, 'the local server failed; see its log');
    });
  };
}

/**
 * Everything `npm start` serves: the demo Spotify's API on PORT+1 and its authorization server
 * on PORT+2, and on PORT the skill's endpoint (`POST /alexa`) and the fault switch (`/admin/…`);
 * with Alexa's side of account linking, following the project's template, in between.
 */
export async function startLocalRuntime({ env, local, sink = stderrSink, verifiers, serverLimits }: LocalRuntimeOptions): Promise<LocalRuntime> {
  // A template Alexa could not link with stops the start, before anything listens.
  const fileTemplate = readLinkingTemplate(local.linking.templateFile);
  // Only the skill and the local Alexa, in this process, talk to the demo Spotify and its accounts server: they never need another interface.
  const demoHost = isLoopbackHost(local.host) ? local.host : '127.0.0.1';
  const demo = await startDemoSpotify(demoHost, local.port === 0 ? 0 : local.port + 1, {
    accessTokenSeconds: local.linking.accessTokenSeconds,
    refreshTokenSeconds: local.linking.refreshTokenSeconds,
    clientAuthentication: local.linking.clientAuthentication,
    redirectUris: alexaRedirectUrls(),
  });
  let persistence: LocalPersistence | undefined;
  const server = createLocalServer(serverLimits);
  try {
    persistence = await startLocalPersistence(env);
    for (const fault of local.faults) demo.faults.switchOn(fault, { ms: local.slowMs });
    await listen(server, local.port, local.host, 'the Alexa endpoint');
    const own = serverOrigin(server);
    // Alexa's API in the local run is this server: the skill may send progressive responses, with the user's Alexa API token, here.
    const localSkill = createLocalSkill({ TRUSTED_ALEXA_API_ORIGIN: own, ...env }, demo.standIn.baseUrl, sink, 'info', persistence);
    const { logger } = localSkill;
    // The demo app's secret and every token the demo Spotify issues never reach the skill's log, whatever quotes them.
    logger.secrets.keep(demo.accounts.client.secret);
    demo.accounts.store.onIssued((token) => logger.secrets.add(token));
    if (!local.verify) {
      logger.warn('ALEXA_VERIFY=off: /alexa accepts requests WITHOUT checking Alexa\'s signature or timestamp; never expose it like this');
    }
    const access = adminAccess(local);
    const urls = { web: `${own}/`, alexa: `${own}/alexa`, admin: `${own}/admin/faults`, spotify: demo.standIn.baseUrl, authorize: demo.accounts.authorizationUrl, token: demo.accounts.tokenUrl };
    const template = forDemoSpotify(fileTemplate, { authorizationUrl: demo.accounts.authorizationUrl, tokenUrl: demo.accounts.tokenUrl, client: demo.accounts.client });
    const alexa = new AlexaAccountLinking({ template, skill: localSkill.skill, ...(localSkill.config.skillId === undefined ? {} : { skillId: localSkill.config.skillId }) });
    const linking = new LocalLinking(alexa, demo.accounts);
    // Alexa's own redirect URL in the local run, for linking in a browser; registered like Amazon's.
    linking.callbackUrl = `${own}${LINK_CALLBACK_PATH}`;
    demo.accounts.registerRedirectUri(linking.callbackUrl);
    const started = persistence;
    const table = persistence.table;
    const directives = new LocalDirectiveService(own, logger);
    const web = new WebSimulator({
      skill: localSkill.skill,
      linking,
      directives,
      faults: demo.faults,
      skillId: localSkill.config.skillId,
      resetDemo: () => demo.resetPlayback(),
      account: () => demo.account,
      ...(table === undefined ? {} : { rememberedItem: (userId: string) => table.item(userId) }),
    });
    const routes: Routes = {
      alexa: alexaEndpoint({ skill: localSkill.skill, logger, verifiers: local.verify ? (verifiers ?? alexaVerifiers()) : [] }),
      admin: guardAdmin(access, adminRoutes(demo, table && (() => table.items()))),
      linkCallback: linkCallbackRoute(linking, (outcome) => web.browserLinkFinished(outcome)),
      directives: directives.route,
      web: webSimulatorRoutes(web, access, () => urls),
    };
    server.on('request', router(routes, logger));
    return {
      ...localSkill,
      demo,
      persistence: started,
      urls,
      linking,
      template,
      linkingTemplateFile: local.linking.templateFile,
      directives,
      web,
      adminAccess: access,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await demo.close();
        await started.close();
      },
    };
  } catch (error) {
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    await demo.close();
    await persistence?.close();
    throw error;
  }
}
