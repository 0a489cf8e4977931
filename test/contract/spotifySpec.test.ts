import { errorJson } from '../../local/spotify/model';
import { loadSpotifySpec, type SpotifySpec } from './spotifySpec';

/** The contract suite is only as good as its judge: these show it says no where it must. */
describe('the spec judge', () => {
  let spec: SpotifySpec;
  beforeAll(async () => {
    spec = await loadSpotifySpec();
  });

  const get = (path: string, query: Record<string, string> = {}) => ({ method: 'GET', path, query });

  it('accepts a valid call', () => {
    expect(spec.requestProblems(get('/me/playlists', { limit: '50', offset: '100' }))).toEqual([]);
  });

  it.each([
    ['a limit above 50', get('/me/playlists', { limit: '51' }), /must be <= 50/],
    ['a limit below 1', get('/me/playlists', { limit: '0' }), /must be >= 1/],
    ['a limit that is no number', get('/me/playlists', { limit: 'NaN' }), /must be integer/],
    ['a query parameter the operation does not have', get('/me/playlists', { fields: 'items' }), /additional properties/],
    ['a path that is no operation', get('/playlists/'), /not an operation/],
    ['a deprecated operation', get('/playlists/abc/tracks'), /deprecated/],
    ['a body field of the wrong type', { method: 'PUT', path: '/me/player/play', query: {}, body: { context_uri: 5 } }, /must be string/],
    ['a body where the operation takes none', { method: 'GET', path: '/me', query: {}, body: { x: 1 } }, /takes no JSON body/],
  ])('refuses %s', (_, request, problem) => {
    expect(spec.requestProblems(request).join('; ')).toMatch(problem);
  });

  it.each([
    ['a playlist page with a numeric id', 200, { href: 'h', items: [{ id: 1 }], limit: 1, next: null, offset: 0, previous: null, total: 1 }, /items\/0\/id must be string/],
    ['a playlist without a description as null, where only the full playlist may have one', 200, { href: 'h', items: [{ description: null }], limit: 1, next: null, offset: 0, previous: null, total: 1 }, /description must be string/],
    ['a playlist page without total', 200, { href: 'h', items: [], limit: 1, next: null, offset: 0, previous: null }, /total/],
    ['an error without message', 401, { error: { status: 401 } }, /message/],
    ['a 404 error object with a status out of range', 404, errorJson(200, 'x'), /status must be >= 400/],
    ['a server error without an error object', 503, { message: 'down' }, /must be object/],
    ['an undeclared success status', 201, {}, /does not declare status 201/],
  ])('refuses %s as an answer to GET /me/playlists', (_, status, body, problem) => {
    expect(spec.responseProblems(get('/me/playlists'), status, body).join('; ')).toMatch(problem);
  });

  it('refuses a body on an answer the spec gives none', () => {
    expect(spec.responseProblems({ method: 'PUT', path: '/me/player/play' }, 204, {})).toEqual(['start-a-users-playback 204 has no body, got one']);
  });
});
