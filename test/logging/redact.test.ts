import { describeError, hashUserId, MAX_LOGGED_STRING_CHARS, redact, REDACTED, requestField } from '../../lambda/logging/redact';
import { Logger, SecretRegistry } from '../../lambda/logging/logger';
import * as secretsModule from '../../lambda/secrets';

const TOKEN = 'BQDx-secret.token_value~with+odd/chars=';

describe('redact', () => {
  it('masks secret keys at any depth and drops header and envelope objects', () => {
    const value = redact({
      accessToken: 'tok',
      nested: { Authorization: 'Bearer tok', list: [{ refresh_token: 'r' }] },
      headers: { authorization: 'Bearer tok' },
      requestEnvelope: { context: {} },
    }, []);

    expect(value).toEqual({
      accessToken: REDACTED,
      nested: { Authorization: REDACTED, list: [{ refresh_token: REDACTED }] },
      headers: '[omitted]',
      requestEnvelope: '[omitted]',
    });
  });

  it.each([
    'accessToken',
    'apiAccessToken',
    'access_token',
    'refreshToken',
    'refresh_token',
    'Authorization',
    'Proxy-Authorization',
    'token',
    'client_secret',
    'clientSecret',
    'password',
    'Cookie',
    'Set-Cookie',
  ])('masks the value of a key named %s, in any case', (key) => {
    const upper = key.toUpperCase();

    expect(redact({ [key]: 'some value', [upper]: { deep: 1 }, kept: 'visible' }, [])).toEqual({ [key]: REDACTED, [upper]: REDACTED, kept: 'visible' });
  });

  it.each(['config', 'request', 'response', 'headers', 'envelope', 'requestEnvelope', 'context'])('leaves out a whole %s object, but not a plain value under that name', (key) => {
    expect(redact({ [key]: { secret: TOKEN } }, [])).toEqual({ [key]: '[omitted]' });
    expect(redact({ [key]: 'a plain word' }, [])).toEqual({ [key]: 'a plain word' });
  });

  it('masks bearer tokens and Amazon tokens inside strings', () => {
    expect(redact('sent Bearer abc.def-123 to Spotify', [])).toBe(`sent Bearer ${REDACTED} to Spotify`);
    expect(redact('sent basic dXNlcjpwdw== too', [])).toBe(`sent basic ${REDACTED} too`);
    expect(redact('token Atza|IwEBIabc', [])).toBe(`token ${REDACTED}`);
    expect(redact('refresh Atzr|IwEBIdef', [])).toBe(`refresh ${REDACTED}`);
  });

  it('masks the whole of an Amazon token behind "Bearer", not only up to its "|"', () => {
    expect(redact('Authorization: Bearer Atza|IwEBIabc', [])).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('removes a known secret by value wherever it stands: bare, in a sentence, in a key, JSON-escaped or percent-encoded', () => {
    const odd = 'tok"with\\quotes\nand|newline';
    const value = redact(
      {
        message: `Invalid access token: ${TOKEN}`,
        [TOKEN]: 'as a key',
        body: JSON.stringify({ error: { message: `bad ${odd}` } }),
        url: `https://x.example/?t=${encodeURIComponent(odd)}`,
        list: [[`deep ${TOKEN}`]],
      },
      [TOKEN, odd],
    );

    const text = JSON.stringify(value);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(JSON.stringify(odd).slice(1, -1));
    expect(text).not.toContain(encodeURIComponent(odd));
    expect(value).toMatchObject({ message: `Invalid access token: ${REDACTED}`, [REDACTED]: 'as a key' });
  });

  it('removes a known secret from error messages, fields, stacks and causes at every level', () => {
    const root = Object.assign(new Error(`root ${TOKEN}`), { spotifyMessage: `Invalid access token: ${TOKEN}` });
    const middle = new Error(`middle ${TOKEN}`, { cause: root });
    const top = new Error(`top ${TOKEN}`, { cause: middle });

    const described = describeError(top, [TOKEN]);

    const text = JSON.stringify(described);
    expect(text).not.toContain(TOKEN);
    expect(described).toMatchObject({
      message: `top ${REDACTED}`,
      stack: expect.stringContaining(`top ${REDACTED}`),
      cause: { message: `middle ${REDACTED}`, cause: { message: `root ${REDACTED}`, spotifyMessage: `Invalid access token: ${REDACTED}` } },
    });
  });

  it('leaves values shorter than eight characters alone: no real token is that short, and "a" is in every word', () => {
    expect(redact('a short value', ['a'])).toBe('a short value');
  });

  it('clips long strings only after removing secrets, so no part of a token is left at the cut', () => {
    const long = `${'x'.repeat(MAX_LOGGED_STRING_CHARS - 5)}${TOKEN}`;

    const clipped = redact(long, [TOKEN]) as string;

    expect(clipped).not.toContain(TOKEN.slice(0, 5));
    expect(clipped.length).toBeLessThanOrEqual(MAX_LOGGED_STRING_CHARS + 30);
  });

  it('describes errors without their axios config and follows causes', () => {
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', config: { headers: { Authorization: 'Bearer tok' } } });
    const error = new Error('wrapped', { cause });

    const described = describeError(error, []);

    expect(JSON.stringify(described)).not.toContain('tok"');
    expect(described).toMatchObject({ name: 'Error', message: 'wrapped', cause: { message: 'socket hang up', code: 'ECONNRESET', config: '[omitted]' } });
  });

  it('follows at most three causes', () => {
    let error = new Error('level 5');
    for (let level = 4; level >= 0; level -= 1) error = new Error(`level ${level}`, { cause: error });

    expect(JSON.stringify(describeError(error, []))).toContain('level 3');
    expect(JSON.stringify(describeError(error, []))).not.toContain('level 4');
  });

  it('describes a thrown value that is not an Error', () => {
    expect(describeError(`plain ${TOKEN}`, [TOKEN])).toEqual({ value: `plain ${REDACTED}` });
  });

  it('survives cycles, depth and long lists', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(redact(a, [])).toEqual({ self: '[circular]' });
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10; level += 1) deep = { deeper: deep };
    expect(JSON.stringify(redact(deep, []))).toContain('[deep]');
    expect(redact(Array.from({ length: 80 }, (_, index) => index), [])).toHaveLength(50);
  });

  it('hashes user ids to a short stable handle', () => {
    expect(hashUserId('amzn1.ask.account.X')).toHaveLength(12);
    expect(hashUserId('amzn1.ask.account.X')).toBe(hashUserId('amzn1.ask.account.X'));
    expect(hashUserId('amzn1.ask.account.X')).not.toBe(hashUserId('amzn1.ask.account.Y'));
    expect(hashUserId(undefined)).toBeUndefined();
    expect(hashUserId('')).toBeUndefined();
  });
});

describe('a field taken from the request', () => {
  it('is kept as it is up to its limit, clipped beyond it, and only named when it is not a string', () => {
    expect(requestField('en-US', 16, [])).toBe('en-US');
    expect(requestField('x'.repeat(1000), 16, [])).toBe(`${'x'.repeat(16)}…`);
    expect(requestField({ huge: 'x'.repeat(1000) }, 16, [])).toBe('(object)');
    expect(requestField(['x'], 16, [])).toBe('(array)');
    expect(requestField(undefined, 16, [])).toBeUndefined();
    expect(requestField(null, 16, [])).toBeUndefined();
    expect(requestField('x'.repeat(16), 16, [])).toBe('x'.repeat(16));
  });

  it('looks for secrets in no more of a huge field than its limit and 4,096 characters, however long the field', () => {
    const search = jest.spyOn(secretsModule, 'removeSecrets');
    try {
      expect(requestField('x'.repeat(1_000_000), 100, [TOKEN])).toBe(`${'x'.repeat(100)}…`);

      expect(search).toHaveBeenCalledTimes(1);
      expect(search.mock.calls[0]?.[0]).toHaveLength(100 + 4096);
    } finally {
      search.mockRestore();
    }
  });

  it('removes a secret that starts inside the limit before cutting, so none of it is kept', () => {
    expect(requestField(`${'x'.repeat(10)}${TOKEN}`, 16, [TOKEN])).toBe(`${'x'.repeat(10)}${REDACTED.slice(0, 6)}…`);
  });
});

describe('the limits of a log line', () => {
  it('keeps a string of exactly 2,000 characters whole, and cuts a longer one there, saying how much is gone', () => {
    expect(redact('x'.repeat(MAX_LOGGED_STRING_CHARS), [])).toBe('x'.repeat(MAX_LOGGED_STRING_CHARS));
    expect(redact('x'.repeat(5000), [])).toBe(`${'x'.repeat(MAX_LOGGED_STRING_CHARS)}…(3000 more chars)`);
  });

  /** `levels` objects, each holding the next, the last holding "bottom". */
  const nested = (levels: number, wrap: (inner: unknown) => unknown) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < levels; level += 1) value = wrap(value);
    return value;
  };

  it('follows objects and arrays seven levels down, and no further', () => {
    expect(JSON.stringify(redact(nested(7, (inner) => ({ in: inner })), []))).toContain('bottom');
    expect(JSON.stringify(redact(nested(8, (inner) => ({ in: inner })), []))).toContain('[deep]');
    expect(JSON.stringify(redact(nested(7, (inner) => [inner]), []))).toContain('bottom');
    expect(JSON.stringify(redact(nested(8, (inner) => [inner]), []))).toContain('[deep]');
  });

  it('follows the fields of an error, and a thrown value that is not one, to the same depth', () => {
    const error = Object.assign(new Error('x'), { detail: nested(6, (inner) => ({ in: inner })) });
    expect(JSON.stringify(describeError(error, []))).toContain('bottom');
    expect(JSON.stringify(describeError(Object.assign(new Error('x'), { detail: nested(7, (inner) => ({ in: inner })) }), []))).toContain('[deep]');
    expect(JSON.stringify(describeError(nested(6, (inner) => ({ in: inner })), []))).toContain('bottom');
    expect(JSON.stringify(describeError(nested(7, (inner) => ({ in: inner })), []))).toContain('[deep]');
  });

  it('keeps null, numbers and booleans as they are, under any key', () => {
    expect(redact({ config: null, request: 5, n: null, b: false }, [])).toEqual({ config: null, request: 5, n: null, b: false });
    expect(redact(null, [])).toBeNull();
  });

  it('describes an error without a stack or a cause with neither', () => {
    const error = new Error('plain');
    error.stack = undefined;

    expect(describeError(error, [])).toEqual({ name: 'Error', message: 'plain' });
  });

  it('follows causes set as plain fields too, still at most three deep, and leaves out a stack that is not text', () => {
    let error: Error = new Error('level 5');
    for (let level = 4; level >= 0; level -= 1) error = Object.assign(new Error(`level ${level}`), { cause: error });
    const odd = Object.assign(new Error('odd'), { stack: ['not', 'text'] });

    expect(JSON.stringify(describeError(error, []))).toContain('level 3');
    expect(JSON.stringify(describeError(error, []))).not.toContain('level 4');
    expect(describeError(odd, [])).toEqual({ name: 'Error', message: 'odd' });
  });

  it('leaves out a stack that is not text even when it is an ordinary, enumerable field', () => {
    const odd = new Error('odd');
    Object.defineProperty(odd, 'stack', { value: ['not', 'text'], enumerable: true });

    expect(describeError(odd, [])).toEqual({ name: 'Error', message: 'odd' });
  });
});

describe('the secret registry', () => {
  it('keeps the most recent values up to its capacity, ignoring repeats and values too short to be tokens', () => {
    const registry = new SecretRegistry(3);

    registry.add('first-token', 'short', undefined, 42, 'second-token', 'first-token', 'third-token', 'fourth-token');

    expect(registry.list()).toEqual(['first-token', 'third-token', 'fourth-token']);
  });
  it('keeps a lasting secret, such as a client secret, however many passing ones come after it', () => {
    const registry = new SecretRegistry(2);

    registry.keep('client-secret-value');
    registry.keep('client-secret-value');
    registry.keep('short');
    registry.add('token-number-1', 'token-number-2', 'token-number-3');

    expect(registry.list()).toEqual(['client-secret-value', 'token-number-2', 'token-number-3']);
  });

  it('keeps only so many lasting secrets, the oldest forgotten first', () => {
    const registry = new SecretRegistry(2, 2);

    ['lasting-one', 'lasting-two', 'lasting-three'].forEach((secret) => registry.keep(secret));

    expect(registry.list()).toEqual(['lasting-two', 'lasting-three']);
  });
});

describe('Logger', () => {
  it('writes JSON lines at or above its level only', () => {
    const lines: string[] = [];
    const logger = new Logger('warn', (line) => lines.push(line)).child({ requestId: 'r1' });

    logger.debug('hidden');
    logger.info('hidden');
    logger.warn('shown', { accessToken: 'secret' });
    logger.error('also shown');

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', message: 'shown', requestId: 'r1', accessToken: REDACTED }),
      expect.objectContaining({ level: 'error', message: 'also shown' }),
    ]);
  });

  it('removes a registered secret from every line of every child, message included', () => {
    const lines: string[] = [];
    const logger = new Logger('debug', (line) => lines.push(line));
    const child = logger.child({ requestId: 'r1' });

    child.secrets.add(TOKEN);
    logger.debug(`saw ${TOKEN}`, { error: new Error(`Invalid access token: ${TOKEN}`) });
    child.info('again', { spotifyMessage: TOKEN });

    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines).toHaveLength(2);
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    new Logger('silent', (line) => lines.push(line)).error('nope');
    expect(lines).toEqual([]);
  });
});
