import type http from 'node:http';
import { isLoopbackHost, refuse, type RouteHandler } from './http';

/**
 * Who may use the local run's control routes (the fault switch and demo state at `/admin/…`, and
 * any page that drives the run): decided once from HOST and EXPOSE_ADMIN_ROUTES.
 */
export interface AdminAccess {
  /** Served at all: always on a loopback HOST, elsewhere only with EXPOSE_ADMIN_ROUTES=on. */
  readonly enabled: boolean;
  /** Served to any Host header (a non-loopback HOST with EXPOSE_ADMIN_ROUTES=on); otherwise only to a loopback Host. */
  readonly exposed: boolean;
}

export function adminAccess({ host, exposeAdmin }: { readonly host: string; readonly exposeAdmin: boolean }): AdminAccess {
  const loopback = isLoopbackHost(host);
  return { enabled: loopback || exposeAdmin, exposed: !loopback && exposeAdmin };
}

export interface Refusal {
  readonly status: number;
  readonly reason: string;
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
 * Why a request may not use a control route, or undefined when it may. A web page elsewhere must
 * not drive the local run through the user's browser: a form can POST text/plain across sites
 * (so a request with a body must be application/json), a page sends its Origin (so a foreign one,
 * or "null", is refused), and DNS rebinding puts a foreign name in the Host header (so only
 * loopback names are taken unless the routes are exposed on purpose).
 */
export function adminRefusal(req: http.IncomingMessage, access: AdminAccess): Refusal | undefined {
  if (!access.enabled) {
    return { status: 404, reason: 'the admin routes and the web simulator are off: HOST is not a loopback address (EXPOSE_ADMIN_ROUTES=on switches them on)' };
  }
  const host = hostName(req.headers.host);
  if (!access.exposed && (host === undefined || !isLoopbackHost(host))) {
    return { status: 403, reason: 'the admin routes and the web simulator answer only to a loopback Host (localhost, 127.0.0.1, [::1])' };
  }
  const origin = originHost(req.headers.origin);
  if (origin !== undefined && origin !== req.headers.host) return { status: 403, reason: 'the admin routes and the web simulator refuse requests from another origin' };
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE' && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, reason: 'send the admin routes and the web simulator JSON, with Content-Type: application/json' };
  }
  return undefined;
}

/**
 * `route`, answered only when {@link adminRefusal} finds nothing to refuse; otherwise the refusal,
 * as JSON. The one guard for every control route of the local run: wrap a new one in it.
 */
export function guardAdmin(access: AdminAccess, route: RouteHandler): RouteHandler {
  return (req, res) => {
    const refusal = adminRefusal(req, access);
    if (refusal !== undefined) return refuse(res, refusal.status, refusal.reason);
    return route(req, res);
  };
}
