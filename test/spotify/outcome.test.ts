import * as z from 'zod/mini';
import { parseRetryAfter } from '../../lambda/spotify';
import { failureOutcome, successOutcome } from '../../lambda/spotify/outcome';
import { errorBody } from '../../lambda/spotify/schemas';

describe('reading Retry-After', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it.each([
    ['seconds', '7', 7],
    ['zero seconds', '0', 0],
    ['seconds with spaces', ' 12 ', 12],
    ['a number, as some proxies send', 3, 3],
    ['an HTTP date in the future', 'Mon, 23 Nov 2026 10:00:30 GMT', 30],
    ['an HTTP date in the past', 'Mon, 23 Nov 2026 09:59:00 GMT', 0],
    ['an obsolete RFC 850 date', 'Monday, 23-Nov-26 10:00:05 GMT', 5],
    ['an asctime date', 'Mon Nov 23 10:00:10 2026', 10],
    ['the first of repeated headers', ['4', '9'], 4],
    ['a missing header, as one second', undefined, 1],
    ['nonsense, as one second', 'soon', 1],
    ['a negative number, as one second', '-5', 1],
    ['a bare year, as one second', '2026-12', 1],
    ['a date without the weekday, as one second', '23 Nov 2026 10:00:30 GMT', 1],
    ['a date with a one-letter weekday, as one second', 'M, 23 Nov 2026 10:00:30 GMT', 1],
    ['a date with a ten-letter weekday, as one second', 'Mondayyyyy, 23 Nov 2026 10:00:30 GMT', 1],
    ['a date with digits for a weekday, as one second', '123, 23 Nov 2026 10:00:30 GMT', 1],
    ['a date with a one-digit hour, as one second', 'Mon, 23 Nov 2026 1:00:30 GMT', 1],
    ['a date with one-digit minutes, as one second', 'Mon, 23 Nov 2026 10:0:30 GMT', 1],
    ['a date with one-digit seconds, as one second', 'Mon, 23 Nov 2026 10:00:3 GMT', 1],
    ['a date with a zone other than GMT, as GMT all the same', 'Mon, 23 Nov 2026 10:00:30 +0100', 30],
    ['a value that is neither text nor a number, as one second', true, 1],
    ['a list inside the list, as one second', [['5']], 1],
    ['an object without even a text form, as one second and without throwing', Object.create(null), 1],
  ])('understands %s', (_, header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});

describe("Spotify's words in an error", () => {
  const TOKEN = 'BQD-the-users-access-token_0123456789';
  const fail = (status: number, body: unknown, secrets: readonly string[] = [TOKEN]) =>
    failureOutcome('playlists.listMine', status, undefined, typeof body === 'string' ? body : JSON.stringify(body), errorBody, () => 100, secrets);

  it.each([401, 403, 404, 429, 500, 418])('never carry the access token after a %i that quotes it, in any field or the message', (status) => {
    const { error } = fail(status, { error: { status, message: `Invalid access token: ${TOKEN}`, reason: `WHY_${TOKEN}` } });

    expect(error.spotifyMessage).toBe('Invalid access token: [redacted]');
    expect(error.reason).toBe('WHY_[redacted]');
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(TOKEN);
  });

  it('remove the token before clipping, so no start of it is left at the cut', () => {
    const { error } = fail(401, { error: { status: 401, message: `${'x'.repeat(190)}${TOKEN}` } });

    expect(error.spotifyMessage).toBe(`${'x'.repeat(190)}[redacted]`);
  });

  it('keep at most 200 characters of the message and 64 of the reason', () => {
    const { error } = fail(403, { error: { status: 403, message: 'm'.repeat(100_000), reason: 'R'.repeat(1000) } });

    expect(error.spotifyMessage).toBe('m'.repeat(200));
    expect(error.reason).toBe('R'.repeat(64));
    expect(error.message.length).toBeLessThan(300);
  });

  it('are cut between characters, never inside one: an emoji at the limit is kept whole or left out', () => {
    const { error } = fail(403, { error: { status: 403, message: `${'x'.repeat(199)}🎵🎵`, reason: `${'R'.repeat(63)}🎵🎵` } });

    expect(error.spotifyMessage).toBe(`${'x'.repeat(199)}🎵`);
    expect(error.reason).toBe(`${'R'.repeat(63)}🎵`);
  });

  it('keep a short reason as Spotify sent it, so PREMIUM_REQUIRED still decides', () => {
    const { error } = fail(403, { error: { status: 403, message: 'Player command failed: Premium required', reason: 'PREMIUM_REQUIRED' } });

    expect(error.name).toBe('PremiumRequired');
    expect(error.message).toBe('playlists.listMine: Spotify Premium required (HTTP 403) - Player command failed: Premium required');
  });

  it('are left out when the body is not Spotify-shaped', () => {
    expect(fail(500, `<html>${TOKEN}</html>`).error).toMatchObject({ spotifyMessage: undefined, reason: undefined, status: 500 });
    expect(fail(500, { message: TOKEN }).error.spotifyMessage).toBeUndefined();
  });
});

describe('what each failing status becomes', () => {
  const fail = (status: number, reason?: string, retryAfter?: unknown) =>
    failureOutcome('op', status, retryAfter, JSON.stringify({ error: { status, message: 'm', ...(reason === undefined ? {} : { reason }) } }), errorBody, () => 123, []);

  it.each([
    [401, undefined, 'fail', 'Unauthorized'],
    [403, 'PREMIUM_REQUIRED', 'fail', 'PremiumRequired'],
    [403, undefined, 'fail', 'Forbidden'],
    [404, 'NO_ACTIVE_DEVICE', 'fail', 'NoActiveDevice'],
    [404, undefined, 'fail', 'NotFound'],
    [400, undefined, 'fail', 'BadResponse'],
    [599, undefined, 'retry', 'Unavailable'],
    [500, undefined, 'retry', 'Unavailable'],
    [600, undefined, 'fail', 'BadResponse'],
    [499, undefined, 'fail', 'BadResponse'],
  ])('%i (reason %s) is a %s with %s', (status, reason, kind, name) => {
    const outcome = fail(status, reason);

    expect(outcome.kind).toBe(kind);
    expect(outcome.error.name).toBe(name);
    expect(outcome.error).toMatchObject({ operation: 'op', status });
  });

  it('waits the jitter before retrying a 5xx, and Retry-After before retrying a 429', () => {
    expect(fail(503)).toMatchObject({ kind: 'retry', waitMs: 123 });
    expect(fail(429, undefined, '7')).toMatchObject({ kind: 'retry', waitMs: 7000, error: { retryAfterS: 7 } });
  });
});

describe('a 2xx body', () => {
  const schema = z.object({ id: z.string() });
  const succeed = (text: string, expected: z.ZodMiniType | null = schema) => successOutcome('op', 200, text, expected);

  it('is the parsed value when it matches the schema', () => {
    expect(succeed('{"id":"x","extra":1}')).toEqual({ kind: 'ok', value: { id: 'x' } });
  });

  it('is ignored for an operation that answers without one', () => {
    expect(succeed('whatever', null)).toEqual({ kind: 'ok', value: undefined });
  });

  it.each([
    ['empty', '  ', /empty body/],
    ['not JSON', '<html>', /not JSON/],
    ['not the promised shape', '{"id":1}', /does not match the spec \(id: /],
    ['a shape with nothing right', '[]', /does not match the spec \(\(root\): /],
  ])('is a final BadResponse when it is %s', (_, text, message) => {
    const outcome = succeed(text);

    expect(outcome.kind).toBe('fail');
    expect(outcome.kind === 'fail' && outcome.error.name).toBe('BadResponse');
    expect(outcome.kind === 'fail' && outcome.error.message).toMatch(message);
  });
});

describe('the words of each error', () => {
  const fail = (status: number, error: Record<string, unknown>) => failureOutcome('op', status, undefined, JSON.stringify({ error }), errorBody, () => 100, []);

  it.each([
    [401, {}, 'op: access token rejected (HTTP 401)'],
    [404, {}, 'op: not found (HTTP 404)'],
    [404, { reason: 'NO_ACTIVE_DEVICE' }, 'op: no active device (HTTP 404)'],
    [503, {}, 'op: Spotify server error (HTTP 503)'],
    [403, { message: 'User not registered in the Developer Dashboard' }, 'op: user not registered for this Spotify app (HTTP 403) - User not registered in the Developer Dashboard'],
    [403, {}, 'op: forbidden (HTTP 403)'],
  ])('say what a %i means', (status, fields, message) => {
    expect(fail(status, { status, ...fields }).error.message).toBe(message);
  });

  it('leave out a message Spotify did not send', () => {
    expect(fail(500, { status: 500 }).error.spotifyMessage).toBeUndefined();
  });

  it('read a reason only with the status it belongs to', () => {
    expect(fail(404, { status: 404, reason: 'PREMIUM_REQUIRED' }).error.name).toBe('NotFound');
    expect(fail(500, { status: 500, reason: 'NO_ACTIVE_DEVICE' }).error.name).toBe('Unavailable');
  });

  it('name at most three of the ways a body misses the spec, separated by semicolons', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() });

    const outcome = successOutcome('op', 200, '{}', schema);

    expect(outcome.kind === 'fail' && outcome.error.message).toMatch(/^op: body does not match the spec \(a: [^;]+; b: [^;]+; c: [^;]+\) \(HTTP 200\)$/);
  });
});
