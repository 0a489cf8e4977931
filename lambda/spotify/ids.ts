/**
 * Spotify's ids are base-62: 22 letters and digits in practice. Anything with another character
 * is not one of Spotify's, and must never become part of a request path ("..", "/", "%2F", "?").
 */
const SPOTIFY_ID = /^[0-9A-Za-z]{1,64}$/;

export function isSpotifyId(value: unknown): value is string {
  return typeof value === 'string' && SPOTIFY_ID.test(value);
}
