import { randomBytes } from 'node:crypto';
import http from 'node:http';
import OAuth2Server, { InsufficientScopeError, InvalidClientError, InvalidTokenError, OAuthError, Request, Response } from '@node-oauth/oauth2-server';
import { listen, readBodyOrRefuse, requestPath, sendJson, serverOrigin } from '../../http';
import { authorizationErrorPage, consentPage } from './consentPage';
import { SCOPE_DESCRIPTIONS, scopesFor } from './scopes';
import { AuthorizationStore, type DemoClient, type Grant } from './store';

/** How Alexa sends the client id and secret to the token endpoint: the template's `accessTokenScheme`. */
export type ClientAuthenticationScheme = 'HTTP_BASIC' | 'REQUEST_BODY_CREDENTIALS';

/** The demo app's id: the local run's own, not a Spotify app's. */
export const DEMO_CLIENT_ID = 'playlist-pal-local-demo';
/** A Spotify account never has an id of this form; the demo's consent is always given by the demo account. */
export const DEMO_ACCOUNT_ID = 'demo-user';

export const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;
/** Spotify's refresh tokens now expire after six months. */
export const DEFAULT_REFRESH_TOKEN_SECONDS = 180 * 24 * 3600;
/** A code is for an exchange that follows at once; RFC 6749 says at most ten minutes, Spotify's are shorter. */
export const AUTHORIZATION_CODE_SECONDS = 60;

export interface AuthorizationServerOptions {
  readonly host?: string;
  readonly port?: number;
  readonly accessTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
  /** How the token endpoint takes client credentials; Spotify documents HTTP Basic. */
  readonly clientAuthentication?: ClientAuthenticationScheme;
  /** The redirect URLs registered for the demo app (Alexa's, and the emulator's own). */
  readonly redirectUris?: readonly string[];
  /** Shown on the consent page. */
  readonly accountName?: string;
  readonly appName?: string;
}

/** What the demo Spotify's API makes of a bearer token for one call. */
export type AccessDecision = { readonly ok: true; readonly accountId: string } | { readonly ok: false; readonly status: number; readonly message: string };

const MAX_FORM_BYTES = 16 * 1024;

function formOf(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

function headersOf(req: http.IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(html);
}

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

/** The OAuth error body of RFC 6749 §5.2, with the library's status (401 for a client that sent Basic credentials). */
function sendOAuthError(res: http.ServerResponse, error: OAuthError, headers: http.OutgoingHttpHeaders = {}): void {
  sendJson(res, error.code, { error: error.name, error_description: error.message }, { ...headers, 'cache-control': 'no-store', pragma: 'no-cache' });
}

/** RFC 6749 §4.2.2: the implicit grant answers in the fragment, so the token never reaches a server log. */
function inFragment(location: string): string {
  const url = new URL(location);
  const fragment = url.search.slice(1);
  url.search = '';
  url.hash = fragment;
  return url.toString();
}

class ConsentNeeded extends Error {
  override readonly name = 'ConsentNeeded';
}

/**
 * The demo Spotify's authorization server (what accounts.spotify.com is to Spotify), on
 * @node-oauth/oauth2-server: `GET /authorize` shows the consent page, `POST /authorize` takes the
 * decision and redirects with a code (or, for the implicit grant, a token in the fragment),
 * `POST /api/token` exchanges codes and refresh tokens, `POST /api/revoke` revokes (RFC 7009).
 */
export class DemoAuthorizationServer {
  readonly store: AuthorizationStore;
  readonly clientAuthentication: ClientAuthenticationScheme;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  private readonly oauth: OAuth2Server;
  private readonly sockets = new Set<import('node:net').Socket>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: AuthorizationServerOptions,
  ) {
    const client: DemoClient = {
      id: DEMO_CLIENT_ID,
      // The local run's own secret, new every run: nothing to leak, nothing to confuse with Spotify's.
      secret: randomBytes(24).toString('base64url'),
      redirectUris: [...(options.redirectUris ?? [])],
      grants: ['authorization_code', 'refresh_token'],
    };
    this.store = new AuthorizationStore(client);
    this.clientAuthentication = options.clientAuthentication ?? 'HTTP_BASIC';
    this.accessTokenSeconds = options.accessTokenSeconds ?? DEFAULT_ACCESS_TOKEN_SECONDS;
    this.refreshTokenSeconds = options.refreshTokenSeconds ?? DEFAULT_REFRESH_TOKEN_SECONDS;
    this.oauth = new OAuth2Server({
      model: this.store,
      accessTokenLifetime: this.accessTokenSeconds,
      refreshTokenLifetime: this.refreshTokenSeconds,
      authorizationCodeLifetime: AUTHORIZATION_CODE_SECONDS,
      // Alexa sends no PKCE parameters unless PKCE is switched on for the skill; Spotify accepts both.
      allowEmptyState: false,
    });
  }

  static async start(options: AuthorizationServerOptions = {}): Promise<DemoAuthorizationServer> {
    const server = http.createServer();
    const accounts = new DemoAuthorizationServer(server, options);
    server.on('request', (req, res) => {
      accounts.handle(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'the demo authorization server failed' });
        else res.destroy();
      });
    });
    server.on('connection', (socket) => {
      accounts.sockets.add(socket);
      socket.on('close', () => accounts.sockets.delete(socket));
    });
    const port = options.port ?? 0;
    await listen(server, port, options.host ?? '127.0.0.1', 'the demo Spotify accounts server');
    return accounts;
  }

  get client(): DemoClient {
    return this.store.client;
  }

  get origin(): string {
    return serverOrigin(this.server);
  }

  get authorizationUrl(): string {
    return `${this.origin}/authorize`;
  }

  get tokenUrl(): string {
    return `${this.origin}/api/token`;
  }

  get revocationUrl(): string {
    return `${this.origin}/api/revoke`;
  }

  /** Registers one more redirect URL for the demo app (the local runtime's own callback, once it listens). */
  registerRedirectUri(uri: string): void {
    if (!this.client.redirectUris.includes(uri)) this.client.redirectUris.push(uri);
  }

  /**
   * Issues `token` to the demo account with every scope, for the access-token lifetime from now,
   * without a consent: the token a developer pastes into curl, as Spotify's own console hands out.
   */
  async issueStandingToken(token: string): Promise<void> {
    const grant = this.store.newGrant(DEMO_ACCOUNT_ID, true);
    await this.store.saveToken(
      { accessToken: token, accessTokenExpiresAt: new Date(Date.now() + this.accessTokenSeconds * 1000), scope: Object.keys(SCOPE_DESCRIPTIONS), client: this.client, user: grant },
      this.client,
      grant,
    );
  }

  /**
   * Whether `token` may make this call to the demo Spotify API: issued here, not expired, not
   * revoked, and granted the scopes the operation needs; otherwise Spotify's status and message.
   */
  async access(token: string | undefined, method: string, path: string): Promise<AccessDecision> {
    if (token === undefined) return { ok: false, status: 401, message: 'No token provided' };
    const request = new Request({ method, query: {}, headers: { authorization: `Bearer ${token}` } });
    try {
      const issued = await this.oauth.authenticate(request, new Response(), { scope: [...scopesFor(method, path)] });
      return { ok: true, accountId: (issued.user as Grant).accountId };
    } catch (error) {
      if (error instanceof InsufficientScopeError) return { ok: false, status: 403, message: 'Insufficient client scope' };
      if (error instanceof InvalidTokenError && /expired/.test(error.message)) return { ok: false, status: 401, message: 'The access token expired' };
      return { ok: false, status: 401, message: 'Invalid access token' };
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = requestPath(req);
    const method = req.method ?? 'GET';
    if (path === '/authorize' && method === 'GET') return this.showConsent(req, res);
    if (path === '/authorize' && method === 'POST') return this.decide(req, res);
    if (path === '/api/token' && method === 'POST') return this.token(req, res);
    if (path === '/api/revoke' && method === 'POST') return this.revoke(req, res);
    if (path === '/' && method === 'GET') {
      return sendJson(res, 200, { authorize: this.authorizationUrl, token: this.tokenUrl, revoke: this.revocationUrl, clientId: this.client.id, clientAuthentication: this.clientAuthentication });
    }
    sendJson(res, 404, { error: 'not_found', error_description: 'GET|POST /authorize, POST /api/token, POST /api/revoke' });
  }

  /** Refuses without redirecting when the app or its redirect_uri is not registered (RFC 6749 §4.1.2.1); else the consent page. */
  private async showConsent(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://local').searchParams);
    const probe = new Request({ method: 'GET', query, headers: headersOf(req), body: {} });
    try {
      await this.oauth.authorize(probe, new Response(), {
        authenticateHandler: {
          handle: () => {
            throw new ConsentNeeded();
          },
        },
      });
    } catch (error) {
      if (!(error instanceof ConsentNeeded)) {
        const oauthError = error instanceof OAuthError ? error : new InvalidClientError('Invalid client');
        return sendHtml(res, 400, authorizationErrorPage(oauthError.name.toUpperCase(), oauthError.message));
      }
    }
    const scopes = (query.scope ?? '').split(/[\s+]+/).filter((scope) => scope !== '');
    sendHtml(res, 200, consentPage({ appName: this.options.appName ?? 'Playlist Pal', accountName: this.options.accountName ?? 'Demo Listener', parameters: query, scopes }));
  }

  private async decide(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = await readBodyOrRefuse(req, res, MAX_FORM_BYTES);
    if (text === undefined) return;
    const { decision, ...parameters } = formOf(text);
    const implicit = parameters.response_type === 'token';
    const grant = this.store.newGrant(DEMO_ACCOUNT_ID, implicit);
    const body = { ...parameters, ...(implicit ? { response_type: 'code' } : {}), ...(decision === 'allow' ? {} : { allowed: 'false' }) };
    const request = new Request({ method: 'POST', query: {}, headers: { ...headersOf(req), 'content-type': 'application/x-www-form-urlencoded' }, body });
    const response = new Response();
    try {
      const code = await this.oauth.authorize(request, response, { authenticateHandler: { handle: () => grant } });
      if (!implicit) return redirect(res, response.get('location') as string);
      return redirect(res, await this.implicitRedirect(code.authorizationCode, parameters, response.get('location') as string));
    } catch (error) {
      const location = response.get('location') as string | undefined;
      // Errors about the client or the redirect_uri have nowhere safe to go.
      if (location === undefined) {
        const oauthError = error instanceof OAuthError ? error : new InvalidClientError('Invalid client');
        return sendHtml(res, 400, authorizationErrorPage(oauthError.name.toUpperCase(), oauthError.message));
      }
      redirect(res, implicit ? inFragment(location) : location);
    }
  }

  /** The implicit grant, which the library does not offer: its own code, exchanged at once, and the token put in the fragment. */
  private async implicitRedirect(code: string, parameters: Record<string, string>, codeLocation: string): Promise<string> {
    const form = { grant_type: 'authorization_code', code, redirect_uri: parameters.redirect_uri ?? this.client.redirectUris[0] ?? '' };
    const exchange = new Request({
      method: 'POST',
      query: {},
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(new URLSearchParams(form).toString().length),
        authorization: `Basic ${Buffer.from(`${this.client.id}:${this.client.secret}`).toString('base64')}`,
      },
      body: form,
    });
    const token = await this.oauth.token(exchange, new Response());
    const url = new URL(codeLocation);
    url.search = '';
    const fragment = new URLSearchParams({
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: String(this.accessTokenSeconds),
      scope: (token.scope ?? []).join(' '),
      ...(parameters.state === undefined ? {} : { state: parameters.state }),
    });
    url.hash = fragment.toString();
    return url.toString();
  }

  /** Why the client's way of authenticating is not this server's, or undefined when it is. */
  private schemeProblem(req: http.IncomingMessage, form: Record<string, string>): string | undefined {
    const basic = /^Basic\s/i.test(req.headers.authorization ?? '');
    const inBody = form.client_secret !== undefined;
    if (this.clientAuthentication === 'HTTP_BASIC' && (!basic || inBody)) {
      return 'this server takes the client credentials in an HTTP Basic Authorization header, not in the request body (accessTokenScheme HTTP_BASIC)';
    }
    if (this.clientAuthentication === 'REQUEST_BODY_CREDENTIALS' && (basic || !inBody)) {
      return 'this server takes the client credentials as client_id and client_secret in the request body, not in an Authorization header (accessTokenScheme REQUEST_BODY_CREDENTIALS)';
    }
    return undefined;
  }

  private async token(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = await readBodyOrRefuse(req, res, MAX_FORM_BYTES);
    if (text === undefined) return;
    const form = formOf(text);
    const problem = this.schemeProblem(req, form);
    if (problem !== undefined) return sendOAuthError(res, new InvalidClientError(`Invalid client: ${problem}`, { code: 401 }), { 'www-authenticate': 'Basic realm="demo Spotify"' });
    const request = new Request({ method: 'POST', query: {}, headers: headersOf(req), body: form });
    const response = new Response();
    try {
      await this.oauth.token(request, response);
      // The library answers the seconds left, rounded down, so a token answered a millisecond after it was made says 3599.
      // Spotify states the lifetime it gave the token (3600), and so does this server: replays and notes stay the same.
      const body = response.body as Record<string, unknown>;
      sendJson(res, 200, typeof body.expires_in === 'number' ? { ...body, expires_in: this.accessTokenSeconds } : body, { 'cache-control': 'no-store', pragma: 'no-cache' });
    } catch (error) {
      sendOAuthError(res, error instanceof OAuthError ? error : new OAuthError('server error'), response.get('www-authenticate') === undefined ? {} : { 'www-authenticate': response.get('www-authenticate') as string });
    }
  }

  /** RFC 7009: the client revokes a token it holds, and with it the whole grant; unknown tokens are answered 200 too. */
  private async revoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = await readBodyOrRefuse(req, res, MAX_FORM_BYTES);
    if (text === undefined) return;
    const form = formOf(text);
    const problem = this.schemeProblem(req, form);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic === undefined ? [form.client_id, form.client_secret] : Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s);
    if (problem !== undefined || id === undefined || secret === undefined || !(await this.store.getClient(id, secret))) {
      return sendOAuthError(res, new InvalidClientError(`Invalid client: ${problem ?? 'client credentials are invalid'}`, { code: 401 }));
    }
    if (form.token === undefined || form.token === '') return sendOAuthError(res, new OAuthError('Missing parameter: `token`', { code: 400, name: 'invalid_request' }));
    const grant = this.store.grantOf(form.token);
    if (grant !== undefined) this.store.revokeGrant(grant);
    res.writeHead(200, { 'cache-control': 'no-store' });
    res.end();
  }
}
