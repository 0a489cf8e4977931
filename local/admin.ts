import type http from 'node:http';
import { readBodyOrRefuse, refuse, requestPath, sendJson, type RouteHandler } from './http';
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

/**
 * The demo Spotify's control panel, for trying failures by hand:
 * `GET /admin/faults`, `POST /admin/faults {"fault":"429"}`, `DELETE /admin/faults`, and
 * `GET /admin/state` for the demo account's playback and devices (and what the listener table remembers).
 * Unguarded: the runtime serves it only through guardAdmin (adminGuard.ts).
 */
export function adminRoutes(demo: DemoSpotify, rememberedItems?: () => Promise<unknown[]>): RouteHandler {
  return async (req, res) => {
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
        // The listener table's items as stored (id, attributes, expiresAt, version), when the local run has one.
        ...(rememberedItems === undefined ? {} : { remembered: await rememberedItems() }),
      });
    }
    refuse(res, 404, 'admin routes: GET|POST|DELETE /admin/faults, GET /admin/state');
  };
}
