import type http from 'node:http';
import { readBodyOrRefuse, refuse, requestPath, sendJson, type RouteHandler } from '../http';
import { ConversationFileError, MAX_CONVERSATION_BYTES, parseConversation } from './conversation';
import { guardAdmin, type AdminAccess } from '../adminGuard';
import { pageAssets } from './pageBundle';
import { ConversationFullError } from './session';
import type { WebSimulator } from './webSimulator';

/** Where the page's API lives. */
export const API = '/simulator/api';
/** A line, a fault set or a new conversation fits in a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/** The page's script may come only from this server: no inline script, nothing from elsewhere. */
const PAGE_HEADERS: http.OutgoingHttpHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; media-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: http.ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { ...PAGE_HEADERS, 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readJson(req: http.IncomingMessage, res: http.ServerResponse, limit = MAX_BODY_BYTES): Promise<Record<string, unknown> | undefined> {
  const text = await readBodyOrRefuse(req, res, limit);
  if (text === undefined) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  refuse(res, 400, 'send a JSON object');
  return undefined;
}

/** A browser asking for the page (anything but a client that wants only JSON, as scripts did before the page existed). */
function wantsPage(req: http.IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return !/^\s*application\/json\s*$/i.test(accept);
}

type Api = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>;

function apiRoutes(web: WebSimulator): Record<string, Partial<Record<'GET' | 'POST', Api>>> {
  return {
    '/state': { GET: async (_req, res) => sendJson(res, 200, await web.state()) },
    '/demo': { GET: async (_req, res) => sendJson(res, 200, await web.demoState()) },
    '/entries': {
      GET: async (_req, res, url) => {
        const after = Number(url.searchParams.get('after') ?? '0');
        if (!Number.isInteger(after) || after < 0) return refuse(res, 400, '"after" must be a whole number');
        sendJson(res, 200, { entries: await web.entriesAfter(after) });
      },
    },
    '/line': {
      POST: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        if (typeof body.line !== 'string' || body.line.length > 1000) return refuse(res, 400, '"line" must be what you would say, or a command, in at most 1000 characters');
        sendJson(res, 200, { entries: await web.runLine(body.line) });
      },
    },
    '/new': {
      POST: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        const { linked = true, screen = true, locale = 'en-US' } = body;
        if (typeof linked !== 'boolean' || typeof screen !== 'boolean' || typeof locale !== 'string') {
          return refuse(res, 400, 'send {"linked": true|false, "screen": true|false, "locale": "en-US"}');
        }
        sendJson(res, 200, { entries: await web.restart({ linked, screen, locale }) });
      },
    },
    '/faults': {
      POST: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        const { faults, slowMs } = body;
        if (!Array.isArray(faults) || !faults.every((fault) => typeof fault === 'string')) return refuse(res, 400, 'send {"faults": ["429", ...]} (an empty list switches every fault off)');
        if (slowMs !== undefined && (typeof slowMs !== 'number' || !Number.isInteger(slowMs) || slowMs < 0 || slowMs > 60_000)) {
          return refuse(res, 400, '"slowMs" must be a whole number of milliseconds from 0 to 60000');
        }
        try {
          sendJson(res, 200, { entries: await web.setFaults(faults as string[], slowMs as number | undefined) });
        } catch (error) {
          if (error instanceof RangeError) return refuse(res, 400, error.message);
          throw error;
        }
      },
    },
    '/link': {
      POST: async (req, res) => {
        if ((await readJson(req, res)) === undefined) return;
        sendJson(res, 200, { url: await web.beginBrowserLink() });
      },
    },
    '/conversation': {
      GET: async (_req, res, url) => {
        const conversation = await web.exportConversation(url.searchParams.get('about') ?? undefined);
        const body = `${JSON.stringify(conversation, null, 2)}\n`;
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': 'attachment; filename="conversation.json"',
          'content-length': Buffer.byteLength(body),
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    },
    '/replay': {
      POST: async (req, res) => {
        const body = await readJson(req, res, MAX_CONVERSATION_BYTES + 1024);
        if (body === undefined) return;
        const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name.slice(0, 200) : 'a conversation';
        try {
          const conversation = parseConversation(JSON.stringify(body.conversation ?? null), name);
          sendJson(res, 200, { entries: await web.replay(conversation, name) });
        } catch (error) {
          if (error instanceof ConversationFileError) return refuse(res, 400, error.message);
          throw error;
        }
      },
    },
  };
}

/**
 * The web simulator: the page at `/`, its files under /simulator/, and its API under
 * /simulator/api/, behind the admin routes' guard (on only where they are, loopback Host unless
 * exposed, same origin, JSON only): the page drives the run as much as /admin/… does.
 * `index` is what `/` answered before the page existed, still given to a client that asks for JSON.
 */
export function webSimulatorRoutes(web: WebSimulator, access: AdminAccess, index: () => unknown): RouteHandler {
  const api = apiRoutes(web);
  return guardAdmin(access, async (req, res) => {
    const path = requestPath(req) ?? '/';
    const method = req.method ?? 'GET';
    if (path === '/') {
      if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'GET / is the web simulator');
      if (!wantsPage(req)) return sendJson(res, 200, index());
      return send(res, 'text/html', (await pageAssets()).html);
    }
    if (path === '/simulator/app.js' && method === 'GET') return send(res, 'text/javascript', (await pageAssets()).script);
    if (path === '/simulator/app.css' && method === 'GET') return send(res, 'text/css', (await pageAssets()).css);
    if (path.startsWith(`${API}/`)) {
      const route = api[path.slice(API.length)];
      const handler = route?.[method as 'GET' | 'POST'];
      if (route === undefined) return refuse(res, 404, `the simulator's API has ${Object.keys(api).map((name) => API + name).join(', ')}`);
      if (handler === undefined) return refuse(res, 405, `use ${Object.keys(route).join(' or ')} on ${path}`);
      try {
        return await handler(req, res, new URL(req.url ?? '/', 'http://local'));
      } catch (error) {
        if (error instanceof ConversationFullError) return refuse(res, 409, error.message);
        throw error;
      }
    }
    refuse(res, 404, 'the web simulator is at /');
  });
}
