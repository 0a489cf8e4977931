import http from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { translatorFor } from '../../../lambda/i18n';
import { AlexaAccountLinking } from '../../../local/linking/alexaLinking';
import { DEFAULT_TEMPLATE, type LinkingTemplate } from '../../../local/linking/template';
import { readLinkingConfig } from '../../../local/localConfig';
import { readConsentForm } from '../../../local/linking/consentForm';
import { cardType, spokenText } from '../../support/responses';
import { startTestRuntime, type TestRuntime } from '../../support/localRuntime';

const { t } = translatorFor('en-US');
const ALEXA = 'https://pitangui.amazon.com/api/skill/link/M2LOCALDEMO';

/** The project's template with some fields changed, in a file of its own: what a developer tries before link:configure. */
function changedTemplate(changes: Record<string, unknown>): string {
  const template = JSON.parse(readFileSync(DEFAULT_TEMPLATE, 'utf8')) as { accountLinkingRequest: Record<string, unknown> };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'linking-')), 'changed.template.json');
  writeFileSync(file, JSON.stringify({ accountLinkingRequest: { ...template.accountLinkingRequest, ...changes } }));
  return file;
}

function runtimeWith(linking: Partial<ReturnType<typeof readLinkingConfig>>): Promise<TestRuntime> {
  return startTestRuntime({ local: { linking: { ...readLinkingConfig({}), ...linking } } });
}

describe('account linking through the real local servers, from the project\'s template', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('goes through the whole lifecycle: unlinked, linked, refreshed after expiry, relinking needed after revocation', async () => {
    const simulator = await local.simulator({ linked: false });

    const unlinked = await simulator.say('list my playlists');
    expect(cardType(unlinked.response)).toBe('LinkAccount');

    const link = await local.runtime.linking.link(simulator.userId);
    expect(link.linked).toBe(true);
    expect(link.steps.map((step) => step.step)).toEqual(['enable', 'authorize', 'consent', 'code', 'token', 'event']);
    expect(link.steps.find((step) => step.step === 'authorize')!.text).toContain(
      'response_type=code, scope=playlist-read-private playlist-read-collaborative user-read-playback-state user-modify-playback-state, state',
    );
    expect(link.steps.find((step) => step.step === 'token')!.text).toMatch(/\(HTTP_BASIC\): access token token#[0-9a-f]{6} lives (3600|3599) s, refresh token token#[0-9a-f]{6}$/);
    expect(link.steps.find((step) => step.step === 'event')!.text).toBe('AlexaSkillEvent.SkillAccountLinked sent to the skill: empty response, as it must be');

    const linked = await simulator.say('list my playlists');
    expect(spokenText(linked.response)).toMatch(/^You have 30 playlists/);
    expect(linked.linkingNotes).toEqual([]);
    const firstToken = linked.request.context!.System.user.accessToken;

    local.runtime.linking.expire(simulator.userId);
    const refreshed = await simulator.say('list my playlists');
    expect(refreshed.linkingNotes).toEqual([expect.stringMatching(/^Alexa refreshed the expired access token: token#[0-9a-f]{6} lives (3600|3599) s\.$/)]);
    expect(spokenText(refreshed.response)).toMatch(/^You have 30 playlists/);
    expect(refreshed.request.context!.System.user.accessToken).not.toBe(firstToken);
    // The old token is dead at the demo Spotify, not just forgotten by Alexa.
    expect(await local.runtime.demo.accounts.access(firstToken, 'GET', '/me')).toEqual({ ok: false, status: 401, message: 'The access token expired' });

    local.runtime.linking.revoke(simulator.userId);
    const revoked = await simulator.say('list my playlists');
    expect(revoked.linkingNotes).toEqual([expect.stringMatching(/^Alexa's refresh of the expired access token failed \(invalid_grant: .*\): the account needs linking again/)]);
    expect(revoked.request.context!.System.user.accessToken).toBeUndefined();
    expect(cardType(revoked.response)).toBe('LinkAccount');
    expect(spokenText(revoked.response)).toBe(t('link.speech'));
    expect(local.runtime.linking.status(simulator.userId)).toBe('needs relinking');
  });

  it('leaves the account unlinked when the user presses Cancel, with access_denied', async () => {
    const simulator = await local.simulator({ linked: false });

    const outcome = await local.runtime.linking.link(simulator.userId, { deny: true });

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/^access_denied/) });
    expect(outcome.steps.find((step) => step.step === 'consent')!.text).toContain('presses "Cancel"');
    expect(local.runtime.linking.status(simulator.userId)).toBe('unlinked');
  });

  it('refuses a redirect whose state is not the one Alexa sent', async () => {
    const simulator = await local.simulator({ linked: false });
    const alexa = local.runtime.linking.alexa;
    const { url, state } = alexa.beginLink(simulator.userId);
    expect(new URL(url).searchParams.get('state')).toBe(state);

    const outcome = await alexa.completeLink(`${ALEXA}?code=whatever&state=${state}x`);

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/state Alexa sent did not come back unchanged/) });
    expect(local.runtime.linking.status(simulator.userId)).toBe('unlinked');
  });

  it('links in a browser too: consent redirects to the local runtime\'s own registered URL, which finishes the link', async () => {
    const simulator = await local.simulator({ linked: false });
    const authorize = local.runtime.linking.beginBrowserLink(simulator.userId);
    expect(new URL(authorize).searchParams.get('redirect_uri')).toBe(`${new URL(local.runtime.urls.alexa).origin}/link/callback`);

    const page = await fetch(authorize);
    const form = readConsentForm(await page.text())!;
    const consent = await fetch(new URL(form.action, authorize), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form.fields, decision: 'allow' }),
    });
    const callback = await fetch(consent.headers.get('location')!);

    expect(callback.status).toBe(200);
    expect(await callback.text()).toMatch(/<h1>Linked: requests now carry the access token\.<\/h1>[\s\S]*SkillAccountLinked sent to the skill: empty response/);
    expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/^You have 30 playlists/);
  });

  it('sends SkillEnabled and SkillDisabled, each answered with an empty response, and disabling unlinks', async () => {
    const simulator = await local.simulator();

    expect(await local.runtime.linking.disable(simulator.userId)).toMatch(/AlexaSkillEvent\.SkillDisabled sent to the skill: empty response, as it must be$/);
    expect(local.runtime.linking.status(simulator.userId)).toBe('unlinked');
    expect(await local.runtime.linking.enable(simulator.userId)).toBe('AlexaSkillEvent.SkillEnabled sent to the skill: empty response, as it must be');
    expect(local.logs.filter((line) => line.message === 'skill event').map((line) => line.event)).toEqual(
      expect.arrayContaining(['AlexaSkillEvent.SkillEnabled', 'AlexaSkillEvent.SkillAccountLinked', 'AlexaSkillEvent.SkillDisabled']),
    );
  });
});

describe('account linking with a changed template, tried before npm run link:configure', () => {
  it('links with credentials in the body when the template says REQUEST_BODY_CREDENTIALS and the server takes them', async () => {
    const local = await runtimeWith({ templateFile: changedTemplate({ accessTokenScheme: 'REQUEST_BODY_CREDENTIALS' }), clientAuthentication: 'REQUEST_BODY_CREDENTIALS' });
    try {
      const simulator = await local.simulator();
      expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/^You have 30 playlists/);
    } finally {
      await local.close();
    }
  });

  it('fails to link with invalid_client when the template\'s scheme is not the one the server takes', async () => {
    const local = await runtimeWith({ templateFile: changedTemplate({ accessTokenScheme: 'REQUEST_BODY_CREDENTIALS' }) });
    try {
      const outcome = await local.runtime.linking.link('amzn1.ask.account.SCHEME');
      expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/^invalid_client: .*HTTP Basic Authorization header/) });
    } finally {
      await local.close();
    }
  });

  it('links without user-modify-playback-state, and then playing gets the scope answer', async () => {
    const scopes = ['playlist-read-private', 'playlist-read-collaborative', 'user-read-playback-state'];
    const local = await runtimeWith({ templateFile: changedTemplate({ scopes }) });
    try {
      const simulator = await local.simulator();
      expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/^You have 30 playlists/);

      const play = await simulator.say('play morning run');

      expect(spokenText(play.response)).toBe(t('errors.forbidden'));
      expect(local.runtime.demo.account.playback.isPlaying).toBe(false);
    } finally {
      await local.close();
    }
  });

  it('links through the implicit grant without a refresh token, and needs relinking once the token expires', async () => {
    const local = await runtimeWith({ templateFile: changedTemplate({ type: 'IMPLICIT' }) });
    try {
      const simulator = await local.simulator({ linked: false });
      const outcome = await local.runtime.linking.link(simulator.userId);
      expect(outcome.linked).toBe(true);
      expect(outcome.steps.find((step) => step.step === 'token')!.text).toMatch(/in the fragment lives 3600 s, no refresh token \(implicit grant\)/);
      expect(spokenText((await simulator.say('list my playlists')).response)).toMatch(/^You have 30 playlists/);

      local.runtime.linking.expire(simulator.userId);
      const expired = await simulator.say('list my playlists');

      expect(expired.linkingNotes).toEqual([expect.stringMatching(/implicit grant gave no refresh token: the account needs linking again/)]);
      expect(cardType(expired.response)).toBe('LinkAccount');
    } finally {
      await local.close();
    }
  });
});

/** A token endpoint that answers as told, to hold Alexa's emulator to Amazon's rules. */
/** A token endpoint that answers `body`: as JSON, or as it is when it is text. */
async function tokenEndpoint(answer: { delayMs?: number; body: Record<string, unknown> | string }): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      const text = typeof answer.body === 'string';
      res.writeHead(200, { 'content-type': text ? 'text/plain' : 'application/json' });
      res.end(text ? answer.body : JSON.stringify(answer.body));
    }, answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/token`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('Alexa\'s rules for the token endpoint', () => {
  const events: RequestEnvelope[] = [];
  const skill = { invoke: async (envelope: RequestEnvelope) => (events.push(envelope), { version: '1.0', response: {} }) };
  const template = (accessTokenUrl: string, extra: Partial<LinkingTemplate> = {}): LinkingTemplate => ({
    type: 'AUTH_CODE',
    authorizationUrl: 'http://127.0.0.1:9/authorize',
    accessTokenUrl,
    accessTokenScheme: 'HTTP_BASIC',
    clientId: 'client',
    clientSecret: 'secret',
    scopes: ['playlist-read-private'],
    defaultTokenExpirationInSeconds: 1800,
    ...extra,
  });

  async function linkAgainst(body: Record<string, unknown> | string, options: { delayMs?: number; limitMs?: number; extra?: Partial<LinkingTemplate> } = {}) {
    const endpoint = await tokenEndpoint({ body, ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }) });
    try {
      const alexa = new AlexaAccountLinking({ template: template(endpoint.url, options.extra), skill, ...(options.limitMs === undefined ? {} : { tokenEndpointLimitMs: options.limitMs }) });
      const { state } = alexa.beginLink('amzn1.ask.account.RULES');
      return { alexa, outcome: await alexa.completeLink(`${ALEXA}?code=abc&state=${state}`) };
    } finally {
      await endpoint.close();
    }
  }

  it('uses the template\'s defaultTokenExpirationInSeconds when the answer has no expires_in, and sends SkillAccountLinked with the token', async () => {
    const { outcome } = await linkAgainst({ access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer' });

    expect(outcome.linked).toBe(true);
    expect(outcome.steps.find((step) => step.step === 'token')!.text).toMatch(/lives 1800 s \(no expires_in: the template's defaultTokenExpirationInSeconds\)/);
    expect(events.at(-1)).toMatchObject({ request: { type: 'AlexaSkillEvent.SkillAccountLinked', body: { accessToken: 'access-1' } } });
  });

  it('refuses an access token that lives less than 360 seconds', async () => {
    const { outcome } = await linkAgainst({ access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 300 });

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/lives 300 s; Alexa requires at least 360 s/) });
  });

  it('refuses an authorization-code answer without a refresh token', async () => {
    const { outcome } = await linkAgainst({ access_token: 'access-1', expires_in: 3600 });

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/no refresh_token/) });
  });

  it('refuses a token answer that is not JSON, saying what it was and never what it said (it may hold a token)', async () => {
    const { outcome, alexa } = await linkAgainst('access_token=tok-NOT-JSON-123&refresh_token=ref-NOT-JSON-456');

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/did not answer with JSON \(HTTP 200, text\/plain, 60 characters\)/) });
    expect(JSON.stringify(outcome)).not.toMatch(/NOT-JSON/);
    expect(alexa.status('amzn1.ask.account.RULES')).toBe('unlinked');
  });

  it('gives up on a token endpoint slower than the limit (4.5 s at Amazon)', async () => {
    const { outcome, alexa } = await linkAgainst({ access_token: 'access-1', refresh_token: 'refresh-1' }, { delayMs: 400, limitMs: 100 });

    expect(outcome).toMatchObject({ linked: false, problem: expect.stringMatching(/did not answer within 0\.1 s, Amazon's limit/) });
    expect(alexa.status('amzn1.ask.account.RULES')).toBe('unlinked');
  });
});
