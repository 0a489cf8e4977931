import type http from 'node:http';
import { isLoopbackHost, readBodyOrRefuse, refuse, requestPath, sendJson, type RouteHandler } from './http';
import { deviceJson } from './spotify/model';
import type { DemoSpotify } from './spotify/demoSpotify';
import { FAULTS, isFaultName } from './spotify/faults';

/** A fault switch fits in a few dozen bytes. */
const MAX_BODY_BYTES = 4096;

function faultState(demo: DemoSpotify) {
  return { active: demo.faults.active, available: FAULTS };
}

async function switchOn(req: http.IncomingMessage, res: http.ServerResponse, demo: DemoSpotify): Promise<void> {
  const text = await readBodyOrRefuse(req, res, MAX_BODY_BYTES);
  if (text === undefined) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(res, 400, 'send JSON like {"fault": "429"}');
  }
  const { fault, ms } = (body ?? {}) as { fault?: unknown; ms?: unknown };
  if (typeof fault !== 'string' || !isFaultName(fault)) {
    return refuse(res, 400, `"fault" must be one of ${Object.keys(FAULTS).join(', ')}`);
  }
  if (ms !== undefined && (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 60_000)) {
    return refuse(res, 400, '"ms" must be a whole number of milliseconds from 0 to 60000');
  }
  // Silently ignoring it would leave a person wondering why their 429 is not late.
  if (ms !== undefined && fault !== 'slow') return refuse(res, 400, '"ms" applies only to the slow fault');
  demo.faults.switchOn(fault, { ms });
  sendJson(res, 201, faultState(demo));
}

export interface AdminOptions {
  /** Served to any Host (EXPOSE_ADMIN_ROUTES=on with a non-loopback HOST); otherwise only to a loopback Host. */
  readonly exposed: boolean;
}

function hostName(hostHeader: string | undefined): string | undefined {
  if (hostHeader === undefined) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/** The Origin's host and port, when the header is there and is a URL; `null` when it is there and is not one. */
function originHost(origin: string | undefined): string | null | undefined {
  if (origin === undefined) return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Why a request may not use the admin routes, or undefined when it may. A web page elsewhere
 * must not switch faults on through the user's browser: a form can POST text/plain across sites
 * (so only application/json is taken), a page can send its Origin (so a foreign one is refused),
 * and DNS rebinding puts a foreign name in the Host header (so only loopback names are taken).
 */
function refusalOf(req: http.IncomingMessage, { exposed }: AdminOptions): { status: number; reason: string } | undefined {
  const host = hostName(req.headers.host);
  if (!exposed && (host === undefined || !isLoopbackHost(host))) {
    return { status: 403, reason: 'the admin routes answer only to a loopback Host (localhost, 127.0.0.1, [::1])' };
  }
  const origin = originHost(req.headers.origin);
  if (origin !== undefined && origin !== req.headers.host) return { status: 403, reason: 'the admin routes refuse requests from another origin' };
  if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, reason: 'send the admin routes JSON, with Content-Type: application/json' };
  }
  return undefined;
}

/**
 * The demo Spotify's control panel, for trying failures by hand:
 * `GET /admin/faults`, `POST /admin/faults {"fault":"429"}`, `DELETE /admin/faults`, and
 * `GET /admin/state` for the demo account's playback and devices.
 */
export function adminRoutes(demo: DemoSpotify, options: AdminOptions): RouteHandler {
  return async (req, res) => {
    const refusal = refusalOf(req, options);
    if (refusal !== undefined) return refuse(res, refusal.status, refusal.reason);
    const path = requestPath(req);
    const method = req.method ?? 'GET';
    if (path === '/admin/faults') {
      if (method === 'GET') return sendJson(res, 200, faultState(demo));
      if (method === 'POST') return switchOn(req, res, demo);
      if (method === 'DELETE') {
        demo.faults.clear();
        return sendJson(res, 200, faultState(demo));
      }
      return refuse(res, 405, 'use GET, POST or DELETE on /admin/faults');
    }
    if (path === '/admin/state' && method === 'GET') {
      return sendJson(res, 200, {
        faults: demo.faults.active,
        playback: demo.account.playback,
        devices: demo.account.devices.map(deviceJson),
      });
    }
    refuse(res, 404, 'admin routes: GET|POST|DELETE /admin/faults, GET /admin/state');
  };
}
