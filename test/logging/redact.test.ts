import { describeError, hashUserId, redact, REDACTED } from '../../lambda/logging/redact';
import { Logger } from '../../lambda/logging/logger';

describe('redact', () => {
  it('masks secret keys at any depth and drops header and envelope objects', () => {
    const value = redact({
      accessToken: 'tok',
      nested: { Authorization: 'Bearer tok', list: [{ refresh_token: 'r' }] },
      headers: { authorization: 'Bearer tok' },
      requestEnvelope: { context: {} },
    });

    expect(value).toEqual({
      accessToken: REDACTED,
      nested: { Authorization: REDACTED, list: [{ refresh_token: REDACTED }] },
      headers: '[omitted]',
      requestEnvelope: '[omitted]',
    });
  });

  it('masks bearer tokens and Amazon tokens inside strings', () => {
    expect(redact('sent Bearer abc.def-123 to Spotify')).toBe(`sent Bearer ${REDACTED} to Spotify`);
    expect(redact('token Atza|IwEBIabc')).toBe(`token ${REDACTED}`);
  });

  it('describes errors without their axios config and follows causes', () => {
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', config: { headers: { Authorization: 'Bearer tok' } } });
    const error = new Error('wrapped', { cause });

    const described = describeError(error);

    expect(JSON.stringify(described)).not.toContain('tok"');
    expect(described).toMatchObject({ name: 'Error', message: 'wrapped', cause: { message: 'socket hang up', code: 'ECONNRESET', config: '[omitted]' } });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(redact(a)).toEqual({ self: '[circular]' });
  });

  it('hashes user ids to a short stable handle', () => {
    expect(hashUserId('amzn1.ask.account.X')).toHaveLength(12);
    expect(hashUserId('amzn1.ask.account.X')).toBe(hashUserId('amzn1.ask.account.X'));
    expect(hashUserId(undefined)).toBeUndefined();
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

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    new Logger('silent', (line) => lines.push(line)).error('nope');
    expect(lines).toEqual([]);
  });
});
