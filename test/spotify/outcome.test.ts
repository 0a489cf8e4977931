import { parseRetryAfter } from '../../lambda/spotify';

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
  ])('understands %s', (_, header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
