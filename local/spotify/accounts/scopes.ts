/**
 * The Spotify scopes the demo consent page can explain, in Spotify's own words. A scope outside
 * this list is refused with `invalid_scope`, as Spotify refuses a misspelt one.
 */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'playlist-read-private': 'Access your private playlists',
  'playlist-read-collaborative': 'Access your collaborative playlists',
  'playlist-modify-public': 'Manage your public playlists',
  'playlist-modify-private': 'Manage your private playlists',
  'user-read-playback-state': 'Read your currently playing content and Spotify Connect devices information',
  'user-modify-playback-state': 'Control playback on your Spotify clients and Spotify Connect devices',
  'user-read-currently-playing': 'Read your currently playing content',
  'user-read-private': 'Access your subscription details',
  'user-read-email': 'Get your real email address',
  'user-library-read': 'Access your saved content',
};

export function isKnownScope(scope: string): boolean {
  return Object.prototype.hasOwnProperty.call(SCOPE_DESCRIPTIONS, scope);
}

interface ScopedOperation {
  readonly method: string;
  readonly path: RegExp;
  /** Every one of these must have been granted (the spec's `security` for the operation). */
  readonly scopes: readonly string[];
}

/**
 * The scopes each operation the skill calls needs, as spec/spotify-openapi.yml lists them
 * (test/contract/operationScopes.test.ts holds the two together). `GET /me` is the exception:
 * its scopes only add the e-mail and subscription fields, so Spotify answers it without them.
 */
export const OPERATION_SCOPES: readonly ScopedOperation[] = [
  { method: 'GET', path: /^\/me$/, scopes: [] },
  { method: 'GET', path: /^\/me\/playlists$/, scopes: ['playlist-read-private'] },
  { method: 'GET', path: /^\/playlists\/[^/]+$/, scopes: [] },
  { method: 'GET', path: /^\/playlists\/[^/]+\/items$/, scopes: ['playlist-read-private'] },
  { method: 'GET', path: /^\/me\/player\/devices$/, scopes: ['user-read-playback-state'] },
  { method: 'PUT', path: /^\/me\/player\/play$/, scopes: ['user-modify-playback-state'] },
];

/** The scopes a call needs; an operation not listed needs none beyond a valid token. */
export function scopesFor(method: string, path: string): readonly string[] {
  return OPERATION_SCOPES.find((operation) => operation.method === method && operation.path.test(path))?.scopes ?? [];
}
