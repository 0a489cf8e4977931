import type http from 'node:http';
import { refuse, type RouteHandler } from '../http';

/*
 * The rules the admin routes follow (issue 12 writes them for /admin/…), for the web simulator's
 * page and API: THE one place to swap for the admin routes' own guard once both live on main.
 */

export interface GuardOptions {
  /** Served to any Host (switched on for a non-loopback HOST); otherwise only to a loopback Host. */
  readonly exposed: boolean;
}

/** Whether `host` (a HOST setting or a Host header's name) is this machine only: localhost, 127.x.x.x or ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
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
 * Why a request may not use these routes, or undefined when it may. A web page elsewhere must
 * not drive the simulator through the user's browser: a form can POST text/plain across sites
 * (so only application/json is taken), a page sends its Origin (so a foreign one is refused),
 * and DNS rebinding puts a foreign name in the Host header (so only loopback names are taken).
 */
export function refusalOf(req: http.IncomingMessage, { exposed }: GuardOptions): { status: number; reason: string } | undefined {
  const host = hostName(req.headers.host);
  if (!exposed && (host === undefined || !isLoopbackHost(host))) {
    return { status: 403, reason: 'the simulator answers only to a loopback Host (localhost, 127.0.0.1, [::1])' };
  }
  const origin = originHost(req.headers.origin);
  if (origin !== undefined && origin !== req.headers.host) return { status: 403, reason: 'the simulator refuses requests from another origin' };
  if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, reason: 'send the simulator JSON, with Content-Type: application/json' };
  }
  return undefined;
}

/** `route`, behind the rules above. */
export function guarded(route: RouteHandler, options: GuardOptions): RouteHandler {
  return (req, res) => {
    const refusal = refusalOf(req, options);
    if (refusal !== undefined) return refuse(res, refusal.status, refusal.reason);
    return route(req, res);
  };
}
