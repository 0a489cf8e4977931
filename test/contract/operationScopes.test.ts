import type { OpenAPIV3 } from 'openapi-types';
import { OPERATION_SCOPES, scopesFor } from '../../local/spotify/accounts/scopes';
import { loadSpotifySpec, type SpotifySpec } from './spotifySpec';

/** One concrete path per operation the skill calls, with the method, as the client sends them. */
const CALLS: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/me'],
  ['GET', '/me/playlists'],
  ['GET', '/playlists/37i9dQZF1DXcBWIGoYBM5M'],
  ['GET', '/playlists/37i9dQZF1DXcBWIGoYBM5M/items'],
  ['GET', '/me/player/devices'],
  ['PUT', '/me/player/play'],
];

/** Scopes that only add fields to an answer (GET /me's e-mail and subscription): Spotify answers without them. */
const FIELD_SCOPES = ['user-read-private', 'user-read-email'];

describe('the scopes the demo Spotify asks of each call', () => {
  let spec: SpotifySpec;
  beforeAll(async () => {
    spec = await loadSpotifySpec();
  });

  it('cover every operation the skill calls', () => {
    expect(OPERATION_SCOPES).toHaveLength(CALLS.length);
    for (const [method, path] of CALLS) expect(OPERATION_SCOPES.some((operation) => operation.method === method && operation.path.test(path))).toBe(true);
  });

  it.each(CALLS)('are the spec\'s security scopes for %s %s', (method, path) => {
    const operation = spec.operationFor({ method, path }) as (OpenAPIV3.OperationObject & { security?: OpenAPIV3.SecurityRequirementObject[] }) | undefined;
    const specScopes = (operation?.security ?? []).flatMap((requirement) => requirement.oauth_2_0 ?? []).filter((scope) => !FIELD_SCOPES.includes(scope));

    expect(operation).toBeDefined();
    expect([...scopesFor(method, path)].sort()).toEqual(specScopes.sort());
  });
});
