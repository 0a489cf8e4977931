import { randomUUID, timingSafeEqual } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import { isKnownScope } from './scopes';

/** The one app registered with the demo Spotify: the local run's own Alexa client, never Spotify's real credentials. */
export interface DemoClient extends OAuth2Server.Client {
  readonly id: string;
  readonly secret: string;
  redirectUris: string[];
  readonly grants: string[];
}

/**
 * One consent: what a person allowed one app to do with their account. It is the library's
 * `user` for every code and token issued under it, so revoking it ends all of them at once.
 */
export interface Grant extends OAuth2Server.User {
  readonly id: string;
  readonly accountId: string;
  /** Granted through the implicit flow: its access tokens come without a refresh token. */
  readonly implicit: boolean;
  revoked: boolean;
}

type StoredToken = OAuth2Server.Token & { user: Grant };
type StoredCode = OAuth2Server.AuthorizationCode & { user: Grant };

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The demo Spotify's authorization state, as the model @node-oauth/oauth2-server asks for: the
 * library generates and checks codes and tokens (lifetimes, single use, redirect_uri, scope);
 * this keeps them in memory and adds what the library leaves to the model: which scopes exist,
 * no refresh token for an implicit grant, refresh-token rotation (the old one stops working),
 * a reused code revoking what it was exchanged for, and revocation of a whole grant.
 */
export class AuthorizationStore implements OAuth2Server.AuthorizationCodeModel, OAuth2Server.RefreshTokenModel {
  private readonly codes = new Map<string, StoredCode>();
  /** Codes already exchanged, to the grant they created: a second use is an attack on that grant (RFC 6749 §4.1.2). */
  private readonly spentCodes = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, StoredToken>();
  private readonly refreshTokens = new Map<string, StoredToken>();
  private readonly issuedListeners: Array<(secret: string) => void> = [];

  constructor(readonly client: DemoClient) {}

  /** Calls `listener` with each code, access token and refresh token as it is issued: the local run keeps them out of its log. */
  onIssued(listener: (secret: string) => void): void {
    this.issuedListeners.push(listener);
  }

  private issued(...secrets: ReadonlyArray<string | undefined>): void {
    for (const secret of secrets) if (secret !== undefined) for (const listener of this.issuedListeners) listener(secret);
  }

  newGrant(accountId: string, implicit: boolean): Grant {
    return { id: randomUUID(), accountId, implicit, revoked: false };
  }

  async getClient(clientId: string, clientSecret: string | null): Promise<DemoClient | false> {
    if (clientId !== this.client.id) return false;
    // The authorization endpoint asks without a secret; the token endpoint always with one.
    if (clientSecret !== null && !sameSecret(this.client.secret, clientSecret)) return false;
    return this.client;
  }

  async validateScope(_user: OAuth2Server.User, _client: OAuth2Server.Client, scope?: string[]): Promise<string[] | false> {
    const asked = scope ?? [];
    return asked.every(isKnownScope) ? asked : false;
  }

  async saveAuthorizationCode(
    code: Pick<OAuth2Server.AuthorizationCode, 'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope'>,
    client: OAuth2Server.Client,
    user: OAuth2Server.User,
  ): Promise<StoredCode> {
    const stored = { ...code, client, user: user as Grant };
    this.codes.set(code.authorizationCode, stored);
    this.issued(code.authorizationCode);
    return stored;
  }

  async getAuthorizationCode(authorizationCode: string): Promise<StoredCode | false> {
    const spent = this.spentCodes.get(authorizationCode);
    if (spent !== undefined) this.revokeGrant(spent);
    return this.codes.get(authorizationCode) ?? false;
  }

  async revokeAuthorizationCode(code: OAuth2Server.AuthorizationCode): Promise<boolean> {
    const existed = this.codes.delete(code.authorizationCode);
    if (existed) this.spentCodes.set(code.authorizationCode, code.user as Grant);
    return existed;
  }

  async saveToken(token: OAuth2Server.Token, client: OAuth2Server.Client, user: OAuth2Server.User): Promise<StoredToken> {
    const grant = user as Grant;
    const stored: StoredToken = { ...token, client, user: grant };
    if (grant.implicit) {
      delete stored.refreshToken;
      delete stored.refreshTokenExpiresAt;
    }
    this.accessTokens.set(stored.accessToken, stored);
    if (stored.refreshToken !== undefined) this.refreshTokens.set(stored.refreshToken, stored);
    this.issued(stored.accessToken, stored.refreshToken);
    return stored;
  }

  async getAccessToken(accessToken: string): Promise<StoredToken | false> {
    const stored = this.accessTokens.get(accessToken);
    return stored === undefined || stored.user.revoked ? false : stored;
  }

  async getRefreshToken(refreshToken: string): Promise<OAuth2Server.RefreshToken | false> {
    const stored = this.refreshTokens.get(refreshToken);
    if (stored === undefined || stored.user.revoked || stored.refreshToken === undefined) return false;
    return { ...stored, refreshToken: stored.refreshToken };
  }

  /** Called by the library when a refresh token is used: it is spent, whatever happens next. */
  async revokeToken(token: OAuth2Server.RefreshToken): Promise<boolean> {
    return this.refreshTokens.delete(token.refreshToken);
  }

  async verifyScope(token: OAuth2Server.Token, scope: string[]): Promise<boolean> {
    const granted = token.scope ?? [];
    return scope.every((needed) => granted.includes(needed));
  }

  /** The grant an access or refresh token was issued under, if it is still known. */
  grantOf(token: string): Grant | undefined {
    return (this.accessTokens.get(token) ?? this.refreshTokens.get(token))?.user;
  }

  /** Ends a grant: every code, access token and refresh token issued under it stops working. */
  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const tokens of [this.accessTokens, this.refreshTokens]) {
      for (const [value, stored] of tokens) if (stored.user.id === grant.id) tokens.delete(value);
    }
    for (const [value, code] of this.codes) if (code.user.id === grant.id) this.codes.delete(value);
  }

  /** Time passing, on request: the access token's lifetime ends now. Returns whether it was known. */
  expireAccessToken(accessToken: string): boolean {
    const stored = this.accessTokens.get(accessToken);
    if (stored === undefined) return false;
    stored.accessTokenExpiresAt = new Date(Date.now() - 1);
    return true;
  }

  /** The same for a refresh token: the next refresh with it is refused as expired. */
  expireRefreshToken(refreshToken: string): boolean {
    const stored = this.refreshTokens.get(refreshToken);
    if (stored === undefined) return false;
    stored.refreshTokenExpiresAt = new Date(Date.now() - 1);
    return true;
  }
}
