import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isTrustedApiEndpoint, speakWhileSlow, PROGRESSIVE_AFTER_MS } from '../../lambda/alexa/progressiveResponse';
import { TimeBoxedApiClient } from '../../lambda/alexa/timeBoxedApiClient';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

interface DirectiveCall {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** Alexa's directive service on loopback: records calls, and answers them or holds them open. */
class DirectiveService {
  readonly calls: DirectiveCall[] = [];
  private readonly waiters: Array<() => void> = [];
  private constructor(
    private readonly server: http.Server,
    readonly answer: boolean,
  ) {}

  static async start(answer: boolean): Promise<DirectiveService> {
    const service = new DirectiveService(http.createServer(), answer);
    service.server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        service.calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        service.waiters.splice(0).forEach((wake) => wake());
        if (service.answer) res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once a call has arrived; the test's own timeout bounds the wait. */
  async firstCall(): Promise<DirectiveCall> {
    if (this.calls.length === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.calls[0]!;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function withApiEndpoint(envelope: RequestEnvelope, apiEndpoint: string): RequestEnvelope {
  return { ...envelope, context: { ...envelope.context, System: { ...envelope.context.System, apiEndpoint } } };
}

describe('the progressive response while Spotify is slow', () => {
  // Budgets wide enough for a Spotify that answers after the progressive response is due.
  const budgets = { SPOTIFY_TIMEOUT_MS: '3000', REQUEST_BUDGET_MS: '4000' };
  let harness: Harness;
  afterEach(() => harness.close());

  /** A skill that trusts `origin` (TRUSTED_ALEXA_API_ORIGIN) besides Alexa's own API hosts. */
  const startTrusting = async (origin?: string) => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() }, env: { ...budgets, ...(origin === undefined ? {} : { TRUSTED_ALEXA_API_ORIGIN: origin }) } });
  };

  const slowPlay = (apiEndpoint: string) => {
    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'delay', ms: PROGRESSIVE_AFTER_MS + 300 } });
    const envelope = intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { accessToken: DEMO_ACCESS_TOKEN });
    return { envelope, answer: harness.ask(withApiEndpoint(envelope, apiEndpoint)) };
  };

  it("tells the user to hold on through Alexa's directive service, then gives the real answer", async () => {
    const service = await DirectiveService.start(true);
    try {
      await startTrusting(service.endpoint);
      const { envelope, answer } = slowPlay(service.endpoint);

      expect(spokenText(await answer)).toBe('Playing Morning Run on Kitchen Echo.');
      expect(await service.firstCall()).toEqual({
        path: '/v1/directives',
        authorization: 'Bearer alexa-api-access-token-for-tests',
        body: { header: { requestId: envelope.request.requestId }, directive: { type: 'VoicePlayer.Speak', speech: '<speak>One moment while I find it.</speak>' } },
      });
    } finally {
      await service.close();
    }
  });

  it('never sends the Alexa API token to an apiEndpoint that is neither Alexa\'s nor the configured one', async () => {
    const service = await DirectiveService.start(true);
    try {
      await startTrusting('http://127.0.0.1:1');
      const { answer } = slowPlay(service.endpoint);

      expect(spokenText(await answer)).toBe('Playing Morning Run on Kitchen Echo.');
      expect(service.calls).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('answers while the directive service still holds the progressive response open', async () => {
    const service = await DirectiveService.start(false);
    try {
      await startTrusting(service.endpoint);
      const { answer } = slowPlay(service.endpoint);
      await service.firstCall();

      expect(spokenText(await answer)).toBe('Playing Morning Run on Kitchen Echo.');
    } finally {
      await service.close();
    }
  });

  it('answers as usual when the directive service cannot be reached, and its failure leaks no Alexa API token', async () => {
    await startTrusting('http://127.0.0.1:1');
    const { envelope, answer } = slowPlay('http://127.0.0.1:1');

    expect(spokenText(await answer)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(harness.rawLogs.join('\n')).not.toContain(envelope.context.System.apiAccessToken);
  });
});

describe('where the Alexa API token may go', () => {
  it.each(['https://api.amazonalexa.com', 'https://api.eu.amazonalexa.com', 'https://api.fe.amazonalexa.com/', 'https://API.AMAZONALEXA.COM'])(
    'to Alexa\'s own API host %s',
    (endpoint) => {
      expect(isTrustedApiEndpoint(endpoint)).toBe(true);
    },
  );

  it('to the origin the configuration names, and only that exact origin', () => {
    expect(isTrustedApiEndpoint('http://127.0.0.1:3100', 'http://127.0.0.1:3100')).toBe(true);
    expect(isTrustedApiEndpoint('http://127.0.0.1:3101', 'http://127.0.0.1:3100')).toBe(false);
  });

  it.each([
    ['plain http to an Alexa host', 'http://api.amazonalexa.com'],
    ['another port on an Alexa host', 'https://api.amazonalexa.com:8443'],
    ['a look-alike host', 'https://api.amazonalexa.com.evil.example'],
    ['a host of Amazon that is not the API', 'https://s3.amazonaws.com'],
    ['credentials in the URL', 'https://user:pw@api.amazonalexa.com'],
    ['something that is not a URL', 'api.amazonalexa.com'],
    ['no endpoint at all', undefined],
  ])('never with %s', (_, endpoint) => {
    expect(isTrustedApiEndpoint(endpoint)).toBe(false);
  });
});

describe('speakWhileSlow', () => {
  let directiveCalls: jest.SpyInstance;
  beforeEach(() => {
    directiveCalls = jest.spyOn(TimeBoxedApiClient.prototype, 'invoke');
  });
  afterEach(() => {
    jest.useRealTimers();
    directiveCalls.mockRestore();
  });

  it('sends nothing and leaves no timer behind when the work is done in time', async () => {
    jest.useFakeTimers();
    const input = { requestEnvelope: intentRequest('PlayPlaylistIntent') } as unknown as HandlerInput;

    await expect(speakWhileSlow(input, 'One moment.', async () => 'done')).resolves.toBe('done');
    expect(jest.getTimerCount()).toBe(0);
    expect(directiveCalls).not.toHaveBeenCalled();
  });

  it('passes the failure of the work on, and stays quiet when the envelope has no Alexa API', async () => {
    jest.useFakeTimers();
    const input = { requestEnvelope: { request: { type: 'IntentRequest' } } } as unknown as HandlerInput;
    let fail!: (error: Error) => void;
    const result = speakWhileSlow(input, 'One moment.', () => new Promise<never>((_, reject) => (fail = reject)), 10);

    jest.advanceTimersByTime(10);
    fail(new Error('Spotify broke'));
    await expect(result).rejects.toThrow('Spotify broke');
    expect(directiveCalls).not.toHaveBeenCalled();
  });
});
