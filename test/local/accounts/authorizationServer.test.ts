import { DemoAuthorizationServer, type AuthorizationServerOptions } from '../../../local/spotify/accounts/server';
import { startDemoSpotify, type DemoSpotify } from '../../../local/spotify/demoSpotify';
import { readConsentForm } from '../../../local/linking/consentForm';

const ALEXA = 'https://pitangui.amazon.com/api/skill/link/M2LOCALDEMO';
const SCOPES = 'playlist-read-private user-read-playback-state';

interface Flow {
  readonly server: DemoAuthorizationServer;
  authorizeUrl(overrides?: Record<string, string>): string;
  /** Consents (or declines) on the page for these parameters; resolves with where the server redirects. */
  consent(overrides?: Record<string, string>, decision?: 'allow' | 'deny'): Promise<URL>;
  code(overrides?: Record<string, string>): Promise<string>;
  token(form: Record<string, string>, auth?: 'basic' | 'body' | { id: string; secret: string }): Promise<{ status: number; json: Record<string, unknown> }>;
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

function flowOn(server: DemoAuthorizationServer): Flow {
  const authorizeUrl = (overrides: Record<string, string> = {}) => {
    const url = new URL(server.authorizationUrl);
    const parameters = { client_id: server.client.id, response_type: 'code', state: 'state-123', scope: SCOPES, redirect_uri: ALEXA, ...overrides };
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return url.toString();
  };
  const consent = async (overrides: Record<string, string> = {}, decision: 'allow' | 'deny' = 'allow') => {
    const page = await fetch(authorizeUrl(overrides));
    const form = readConsentForm(await page.text());
    if (form === undefined) throw new Error(`no consent form (${page.status})`);
    const answer = await fetch(new URL(form.action, server.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form.fields, decision }),
    });
    return new URL(answer.headers.get('location')!);
  };
  return {
    server,
    authorizeUrl,
    consent,
    code: async (overrides) => (await consent(overrides)).searchParams.get('code')!,
    token: async (form, auth = 'basic') => {
      const credentials = typeof auth === 'object' ? auth : { id: server.client.id, secret: server.client.secret };
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const body = new URLSearchParams(form);
      if (auth === 'body') {
        body.set('client_id', credentials.id);
        body.set('client_secret', credentials.secret);
      } else headers.authorization = basic(credentials.id, credentials.secret);
      const response = await fetch(server.tokenUrl, { method: 'POST', headers, body });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
  };
}

async function withServer(options: AuthorizationServerOptions, test: (flow: Flow) => Promise<void>): Promise<void> {
  const server = await DemoAuthorizationServer.start({ redirectUris: [ALEXA], ...options });
  try {
    await test(flowOn(server));
  } finally {
    await server.close();
  }
}

describe('the demo Spotify\'s authorization endpoint', () => {
  let flow: Flow;
  beforeAll(async () => {
    flow = flowOn(await DemoAuthorizationServer.start({ redirectUris: [ALEXA], accountName: 'Demo <Listener>' }));
  });
  afterAll(() => flow.server.close());

  it('shows a consent page without scripts, naming the app, the account and each scope asked for, with Agree and Cancel', async () => {
    const page = await fetch(flow.authorizeUrl());
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Connect <em>Playlist Pal</em> to your Spotify account');
    expect(html).toContain('Demo &#60;Listener&#62;');
    expect(html).toContain('Access your private playlists');
    expect(html).toContain('Read your currently playing content and Spotify Connect devices information');
    expect(readConsentForm(html)).toEqual({
      action: '/authorize',
      fields: { client_id: flow.server.client.id, response_type: 'code', state: 'state-123', scope: SCOPES, redirect_uri: ALEXA },
      buttons: [
        { name: 'decision', value: 'allow', label: 'Agree' },
        { name: 'decision', value: 'deny', label: 'Cancel' },
      ],
    });
  });

  it('redirects Agree to the registered Alexa URL with a code and the state unchanged', async () => {
    const redirect = await flow.consent({ state: 'a/b+c=d' });

    expect(`${redirect.origin}${redirect.pathname}`).toBe(ALEXA);
    expect(redirect.searchParams.get('code')).toMatch(/^[0-9a-f]{64}$/);
    expect(redirect.searchParams.get('state')).toBe('a/b+c=d');
  });

  it('redirects Cancel with access_denied and the state unchanged, and no code', async () => {
    const redirect = await flow.consent({}, 'deny');

    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('state-123');
    expect(redirect.searchParams.has('code')).toBe(false);
  });

  it.each([
    ['an unknown client_id', { client_id: 'someone-else' }, /INVALID_CLIENT/],
    ['a redirect_uri that is not registered', { redirect_uri: 'https://evil.example.com/api/skill/link/M2LOCALDEMO' }, /INVALID_CLIENT.*redirect_uri/],
    ['no client_id', { client_id: '' }, /INVALID_REQUEST.*client_id/],
  ])('refuses %s with an error page and never redirects there', async (_, overrides, message) => {
    const page = await fetch(flow.authorizeUrl(overrides), { redirect: 'manual' });

    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(await page.text()).toMatch(message);
  });

  it.each([
    ['an unknown scope', { scope: 'playlist-read-private make-me-admin' }, 'invalid_scope'],
    ['an unsupported response_type', { response_type: 'id_token' }, 'unsupported_response_type'],
    ['no state', { state: '' }, 'invalid_request'],
  ])('redirects a request with %s back to Alexa with the OAuth error', async (_, overrides, error) => {
    const redirect = await flow.consent(overrides);

    expect(redirect.searchParams.get('error')).toBe(error);
    expect(redirect.searchParams.has('code')).toBe(false);
  });
});

describe('the demo Spotify\'s token endpoint', () => {
  it('exchanges a code once for tokens that live the configured lifetime, and refuses the same code again', async () => {
    await withServer({ accessTokenSeconds: 900 }, async (flow) => {
      const code = await flow.code();

      const first = await flow.token({ grant_type: 'authorization_code', code, redirect_uri: ALEXA });
      expect(first).toEqual({
        status: 200,
        json: { access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number), refresh_token: expect.any(String), scope: SCOPES },
      });
      // The library answers the time left, in whole seconds: the configured lifetime less the milliseconds spent.
      expect([900, 899]).toContain(first.json.expires_in);

      const again = await flow.token({ grant_type: 'authorization_code', code, redirect_uri: ALEXA });
      expect(again).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: expect.any(String) } });
      // A reused code is an attack on what it bought (RFC 6749 §4.1.2): those tokens stop working.
      expect(await flow.server.access(first.json.access_token as string, 'GET', '/me')).toEqual({ ok: false, status: 401, message: 'Invalid access token' });
    });
  });

  it('gives access tokens one hour and refresh tokens six months by default', async () => {
    await withServer({}, async (flow) => {
      const { json } = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA });
      const stored = await flow.server.store.getRefreshToken(json.refresh_token as string);

      expect([3600, 3599]).toContain(json.expires_in);
      expect(stored && stored.refreshTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(179 * 24 * 3600 * 1000);
    });
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    await withServer({}, async (flow) => {
      const answer = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA }, { id: flow.server.client.id, secret: 'guessed' });

      expect(answer).toEqual({ status: 401, json: { error: 'invalid_client', error_description: expect.any(String) } });
    });
  });

  it('takes HTTP Basic credentials and refuses credentials in the body with invalid_client, when set to HTTP_BASIC', async () => {
    await withServer({ clientAuthentication: 'HTTP_BASIC' }, async (flow) => {
      const inBody = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA }, 'body');
      expect(inBody).toEqual({ status: 401, json: { error: 'invalid_client', error_description: expect.stringMatching(/HTTP Basic Authorization header, not in the request body/) } });

      expect((await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA }, 'basic')).status).toBe(200);
    });
  });

  it('takes credentials in the body and refuses HTTP Basic with invalid_client, when set to REQUEST_BODY_CREDENTIALS', async () => {
    await withServer({ clientAuthentication: 'REQUEST_BODY_CREDENTIALS' }, async (flow) => {
      const basicAuth = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA }, 'basic');
      expect(basicAuth).toEqual({ status: 401, json: { error: 'invalid_client', error_description: expect.stringMatching(/in the request body, not in an Authorization header/) } });

      expect((await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA }, 'body')).status).toBe(200);
    });
  });

  it('refuses a code exchanged with another redirect_uri than it was issued for', async () => {
    await withServer({ redirectUris: [ALEXA, 'https://layla.amazon.com/api/skill/link/M2LOCALDEMO'] }, async (flow) => {
      const answer = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: 'https://layla.amazon.com/api/skill/link/M2LOCALDEMO' });

      expect(answer).toEqual({ status: 400, json: { error: 'invalid_request', error_description: expect.stringMatching(/redirect_uri/) } });
    });
  });

  it('refreshes into a new pair, after which the old refresh token is refused as reused', async () => {
    await withServer({}, async (flow) => {
      const linked = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA });

      const refreshed = await flow.token({ grant_type: 'refresh_token', refresh_token: linked.json.refresh_token as string });
      expect(refreshed.status).toBe(200);
      expect(refreshed.json.access_token).not.toBe(linked.json.access_token);
      expect(refreshed.json.refresh_token).not.toBe(linked.json.refresh_token);

      const reused = await flow.token({ grant_type: 'refresh_token', refresh_token: linked.json.refresh_token as string });
      expect(reused).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: expect.any(String) } });
    });
  });

  it('refuses an expired refresh token with invalid_grant', async () => {
    await withServer({}, async (flow) => {
      const linked = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA });
      flow.server.store.expireRefreshToken(linked.json.refresh_token as string);

      const answer = await flow.token({ grant_type: 'refresh_token', refresh_token: linked.json.refresh_token as string });

      expect(answer).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: 'Invalid grant: refresh token has expired' } });
    });
  });

  it('revokes a grant through RFC 7009 for its client only: then its refresh token gets invalid_grant and its access token 401', async () => {
    await withServer({}, async (flow) => {
      const linked = await flow.token({ grant_type: 'authorization_code', code: await flow.code(), redirect_uri: ALEXA });
      const revoke = (authorization: string) =>
        fetch(flow.server.revocationUrl, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: linked.json.refresh_token as string }) });

      expect((await revoke(basic(flow.server.client.id, 'guessed'))).status).toBe(401);
      expect((await flow.server.access(linked.json.access_token as string, 'GET', '/me')).ok).toBe(true);

      expect((await revoke(basic(flow.server.client.id, flow.server.client.secret))).status).toBe(200);
      expect((await flow.token({ grant_type: 'refresh_token', refresh_token: linked.json.refresh_token as string })).json.error).toBe('invalid_grant');
      expect(await flow.server.access(linked.json.access_token as string, 'GET', '/me')).toEqual({ ok: false, status: 401, message: 'Invalid access token' });
    });
  });

  it('answers the implicit grant with a token in the fragment, the state unchanged and no refresh token', async () => {
    await withServer({ accessTokenSeconds: 1200 }, async (flow) => {
      const redirect = await flow.consent({ response_type: 'token' });
      const fragment = new URLSearchParams(redirect.hash.slice(1));

      expect(redirect.search).toBe('');
      expect(Object.fromEntries(fragment)).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: '1200', scope: SCOPES, state: 'state-123' });
      expect((await flow.server.access(fragment.get('access_token')!, 'GET', '/me/playlists')).ok).toBe(true);
    });
  });
});

describe('the demo Spotify API with the tokens its authorization server issued', () => {
  let demo: DemoSpotify;
  let flow: Flow;
  beforeAll(async () => {
    demo = await startDemoSpotify('127.0.0.1', 0, { redirectUris: [ALEXA] });
    flow = flowOn(demo.accounts);
  });
  afterAll(() => demo.close());

  const call = async (token: string, method: string, path: string) => {
    const response = await fetch(`${demo.standIn.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, json: response.status === 204 ? undefined : ((await response.json()) as unknown) };
  };
  const issued = async (scope = SCOPES) =>
    (await flow.token({ grant_type: 'authorization_code', code: await flow.code({ scope }), redirect_uri: ALEXA })).json.access_token as string;

  it('answers a call with an issued token that has its scope', async () => {
    expect((await call(await issued(), 'GET', '/me/playlists')).status).toBe(200);
  });

  it('answers an expired token with Spotify\'s 401 "The access token expired"', async () => {
    const token = await issued();
    demo.accounts.store.expireAccessToken(token);

    expect(await call(token, 'GET', '/me/playlists')).toEqual({ status: 401, json: { error: { status: 401, message: 'The access token expired' } } });
  });

  it('answers a token it never issued with 401 "Invalid access token"', async () => {
    expect(await call('a-token-nobody-issued', 'GET', '/me')).toEqual({ status: 401, json: { error: { status: 401, message: 'Invalid access token' } } });
  });

  it('refuses playback to a token without user-modify-playback-state with Spotify\'s 403 "Insufficient client scope"', async () => {
    const token = await issued('playlist-read-private user-read-playback-state');

    expect(await call(token, 'PUT', '/me/player/play')).toEqual({ status: 403, json: { error: { status: 403, message: 'Insufficient client scope' } } });
    expect(demo.account.playback.isPlaying).toBe(false);
  });
});
