import { randomBytes } from 'node:crypto';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { skillEventRequest, type SkillEventType } from '../../test/support/envelopes';
import type { SkillInvoker } from '../endpoint/alexaEndpoint';
import { pageText, readConsentForm } from './consentForm';
import { maskToken } from './mask';
import type { LinkingTemplate } from './template';

/** Amazon's rules for the authorization server, which Alexa holds it to. */
export const TOKEN_ENDPOINT_LIMIT_MS = 4500;
export const MIN_ACCESS_TOKEN_SECONDS = 360;

/** The vendor id in the local run's Alexa redirect URLs (a real one is your developer account's). */
export const LOCAL_VENDOR_ID = 'M2LOCALDEMO';

/** Alexa's redirect URL for each region; the user's region follows the skill's locale. */
const REDIRECT_HOSTS = { NA: 'https://pitangui.amazon.com', EU: 'https://layla.amazon.com', FE: 'https://alexa.amazon.co.jp' } as const;
const EU_LOCALES = ['en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT'];
const FE_LOCALES = ['ja-JP', 'en-AU'];

export function alexaRedirectUrls(vendorId = LOCAL_VENDOR_ID): string[] {
  return Object.values(REDIRECT_HOSTS).map((host) => `${host}/api/skill/link/${vendorId}`);
}

function redirectUrlFor(locale: string, vendorId = LOCAL_VENDOR_ID): string {
  const region = EU_LOCALES.includes(locale) ? 'EU' : FE_LOCALES.includes(locale) ? 'FE' : 'NA';
  return `${REDIRECT_HOSTS[region]}/api/skill/link/${vendorId}`;
}

/** One step of linking as the Alexa app and Alexa's service take it, for showing to a developer (tokens masked). */
export interface LinkStep {
  readonly step: 'enable' | 'authorize' | 'consent' | 'code' | 'token' | 'event';
  readonly text: string;
}

export interface LinkOutcome {
  readonly linked: boolean;
  readonly steps: readonly LinkStep[];
  /** Why the account is not linked, when it is not. */
  readonly problem?: string;
  /** The Alexa user the flow was for, once known (a redirect with an unknown state has none). */
  readonly userId?: string;
}

/** What Alexa puts in a request for a user, and what it did first to have it. */
export interface RequestToken {
  readonly accessToken: string | undefined;
  /** Refreshes done or failed before the request, in a sentence each. */
  readonly notes: readonly string[];
}

export type LinkStatus = 'unlinked' | 'linked' | 'needs relinking';

interface Tokens {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch ms when Alexa considers the access token expired. */
  expiresAt: number;
  lifetimeS: number | undefined;
}

interface UserState {
  enabled: boolean;
  status: LinkStatus;
  tokens: Tokens | undefined;
}

interface PendingLink {
  readonly userId: string;
  readonly state: string;
  readonly redirectUri: string;
  readonly locale: string;
  readonly steps: LinkStep[];
}

export interface AlexaLinkingOptions {
  /** The template as the local run uses it (see forDemoSpotify). */
  readonly template: LinkingTemplate;
  /** Receives the skill events, as Alexa sends them to the skill's endpoint. */
  readonly skill: SkillInvoker;
  readonly skillId?: string;
  /** Amazon's limit for the token endpoint's answer; shorter only to test it. */
  readonly tokenEndpointLimitMs?: number;
}

type TokenAnswer =
  | { readonly ok: true; readonly accessToken: string; readonly refreshToken: string | undefined; readonly expiresIn: number | undefined }
  | { readonly ok: false; readonly error: string; readonly description: string };

function describeEvent(type: SkillEventType, response: ResponseEnvelope | undefined, failure: unknown): string {
  if (failure !== undefined) return `${type} sent to the skill: it failed (${(failure as Error).message})`;
  const answer = response?.response ?? {};
  const said = Object.keys(answer).filter((key) => ['outputSpeech', 'reprompt', 'card', 'directives'].includes(key));
  return said.length === 0 ? `${type} sent to the skill: empty response, as it must be` : `${type} sent to the skill: it answered with ${said.join(', ')}, which a skill event must never get`;
}

/**
 * Alexa's side of account linking, driven by the project's account-linking template: it opens
 * the authorization URL with state, scope and its redirect URL, consents (or declines) as the
 * user in the Alexa app, exchanges the code with the template's client authentication, keeps
 * the tokens per user, refreshes an expired access token before the next request, sends the
 * skill its events, and treats a refused refresh as an account that needs linking again.
 * Every action is a function of this object, so a terminal or a web page can drive it alike.
 */
export class AlexaAccountLinking {
  private readonly users = new Map<string, UserState>();
  private readonly pending = new Map<string, PendingLink>();

  constructor(private readonly options: AlexaLinkingOptions) {}

  get template(): LinkingTemplate {
    return this.options.template;
  }

  status(userId: string): LinkStatus {
    return this.user(userId).status;
  }

  enabled(userId: string): boolean {
    return this.user(userId).enabled;
  }

  /**
   * What the Alexa app opens when the user starts linking: the authorization URL with
   * client_id, response_type, state, scope and redirect_uri. `completeLink` takes it from there.
   */
  beginLink(userId: string, { locale = 'en-US', redirectUri = redirectUrlFor(locale) }: { locale?: string; redirectUri?: string } = {}): { url: string; state: string } {
    const { template } = this.options;
    const state = randomBytes(16).toString('base64url');
    const url = new URL(template.authorizationUrl);
    url.searchParams.set('client_id', template.clientId);
    url.searchParams.set('response_type', template.type === 'IMPLICIT' ? 'token' : 'code');
    url.searchParams.set('state', state);
    if (template.scopes.length > 0) url.searchParams.set('scope', template.scopes.join(' '));
    url.searchParams.set('redirect_uri', redirectUri);
    this.pending.set(state, { userId, state, redirectUri, locale, steps: [] });
    return { url: url.toString(), state };
  }

  /**
   * The whole flow as a user in the Alexa app goes through it: enable the skill if needed, open
   * the authorization page, press Allow (or Cancel with `deny`), then what Alexa does with the redirect.
   */
  async link(userId: string, { deny = false, locale = 'en-US' }: { deny?: boolean; locale?: string } = {}): Promise<LinkOutcome> {
    const enabling: LinkStep[] = this.user(userId).enabled ? [] : [{ step: 'enable', text: await this.enable(userId, locale) }];
    const { url, state } = this.beginLink(userId, { locale });
    // The same list completeLink goes on with, so the transcript shows every step in order.
    const steps = this.pending.get(state)!.steps;
    steps.push(...enabling);
    const fail = (problem: string): LinkOutcome => {
      this.pending.delete(state);
      return { linked: false, steps, problem };
    };
    const shownUrl = new URL(url);
    const scope = shownUrl.searchParams.get('scope');
    steps.push({
      step: 'authorize',
      text: `GET ${shownUrl.origin}${shownUrl.pathname} (${this.options.template.type}: response_type=${shownUrl.searchParams.get('response_type')}, scope=${scope ?? '(none)'}, state, redirect_uri=${shownUrl.searchParams.get('redirect_uri')})`,
    });
    let page: Response;
    try {
      page = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      return fail(`the authorization page could not be opened: ${(error as Error).message}`);
    }
    const html = await page.text();
    const form = page.status === 200 ? readConsentForm(html) : undefined;
    if (form === undefined) return fail(`the authorization page answered ${page.status} without a consent form: ${pageText(html).slice(0, 300)}`);
    const choice = form.buttons.find((button) => button.value === (deny ? 'deny' : 'allow')) ?? form.buttons[deny ? 1 : 0];
    steps.push({ step: 'consent', text: `the consent page asks for ${scope === null ? 'no scopes' : scope.split(' ').length + ' scopes'}; the user presses "${choice?.label ?? (deny ? 'Cancel' : 'Allow')}"` });
    let decision: Response;
    try {
      decision = await fetch(new URL(form.action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form.fields, ...(choice === undefined || choice.name === '' ? {} : { [choice.name]: choice.value }) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      return fail(`the consent could not be sent: ${(error as Error).message}`);
    }
    const location = decision.headers.get('location');
    if (location === null) return fail(`the authorization server answered the consent with ${decision.status} and no redirect: ${pageText(await decision.text()).slice(0, 300)}`);
    return this.completeLink(location);
  }

  /**
   * Alexa's redirect URL was reached with `redirectedTo`: check that it is the one Alexa sent and
   * that `state` came back unchanged, then exchange the code (or keep the implicit token).
   */
  async completeLink(redirectedTo: string): Promise<LinkOutcome> {
    let url: URL;
    try {
      url = new URL(redirectedTo);
    } catch {
      return { linked: false, steps: [], problem: 'the redirect was not to a URL' };
    }
    const parameters = new URLSearchParams(url.hash.length > 1 ? url.hash.slice(1) : url.search);
    const state = parameters.get('state');
    const pending = state === null ? undefined : this.pending.get(state);
    if (pending === undefined) {
      const stillPending = [...this.pending.values()].find((candidate) => redirectedTo.startsWith(candidate.redirectUri));
      if (stillPending !== undefined) this.pending.delete(stillPending.state);
      return {
        linked: false,
        steps: stillPending?.steps ?? [],
        problem: 'the state Alexa sent did not come back unchanged, so Alexa refuses the redirect (it could be forged)',
      };
    }
    this.pending.delete(pending.state);
    const outcome = await this.finishLink(pending, url, parameters);
    return { ...outcome, userId: pending.userId };
  }

  private async finishLink(pending: PendingLink, url: URL, parameters: URLSearchParams): Promise<LinkOutcome> {
    const { steps } = pending;
    const shown = `${url.origin}${url.pathname}`;
    if (shown !== pending.redirectUri) {
      return { linked: false, steps, problem: `the authorization server redirected to ${shown}, not to Alexa's ${pending.redirectUri}` };
    }
    const error = parameters.get('error');
    if (error !== null) {
      steps.push({ step: 'code', text: `redirected to ${shown} with error=${error}, state unchanged` });
      return { linked: false, steps, problem: `${error}${parameters.get('error_description') === null ? '' : `: ${parameters.get('error_description')}`}` };
    }
    if (this.options.template.type === 'IMPLICIT') return this.keepImplicitToken(pending, parameters, shown, steps);
    const code = parameters.get('code');
    if (code === null) return { linked: false, steps, problem: `the redirect to ${shown} carried neither a code nor an error` };
    steps.push({ step: 'code', text: `redirected to ${shown} with a code (${maskToken(code, 'code')}) and the state unchanged` });
    const answer = await this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri });
    if (!answer.ok) {
      steps.push({ step: 'token', text: `POST ${this.options.template.accessTokenUrl} (${this.options.template.accessTokenScheme}) refused: ${answer.error}` });
      return { linked: false, steps, problem: `${answer.error}: ${answer.description}` };
    }
    if (answer.refreshToken === undefined) {
      return { linked: false, steps, problem: 'the token answer has no refresh_token, which Amazon requires for the authorization code grant' };
    }
    const tokens = this.keep(pending.userId, answer);
    steps.push({
      step: 'token',
      text: `POST ${this.options.template.accessTokenUrl} (${this.options.template.accessTokenScheme}): access token ${maskToken(tokens.accessToken)} ${lifetimeText(tokens, answer.expiresIn)}, refresh token ${maskToken(answer.refreshToken)}`,
    });
    steps.push({ step: 'event', text: await this.sendEvent(pending.userId, 'AlexaSkillEvent.SkillAccountLinked', { accessToken: tokens.accessToken }, tokens.accessToken, pending.locale) });
    return { linked: true, steps };
  }

  /**
   * The token to put in this user's next request, as Alexa has it: refreshed first when it has
   * expired; none when the account is not linked or the refresh was refused.
   */
  async tokenForRequest(userId: string): Promise<RequestToken> {
    const user = this.user(userId);
    const tokens = user.tokens;
    if (user.status !== 'linked' || tokens === undefined) return { accessToken: undefined, notes: [] };
    if (Date.now() < tokens.expiresAt) return { accessToken: tokens.accessToken, notes: [] };
    if (tokens.refreshToken === undefined) {
      this.needsRelinking(user);
      return { accessToken: undefined, notes: ['The access token expired and the implicit grant gave no refresh token: the account needs linking again, so the request carries no token.'] };
    }
    const answer = await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    if (!answer.ok) {
      if (answer.error === 'invalid_grant') {
        this.needsRelinking(user);
        return {
          accessToken: undefined,
          notes: [`Alexa's refresh of the expired access token failed (invalid_grant: ${answer.description}): the account needs linking again, so the request carries no token.`],
        };
      }
      return { accessToken: undefined, notes: [`Alexa's refresh failed (${answer.error}: ${answer.description}); it tries again before the next request, and this one carries no token.`] };
    }
    const fresh = this.keep(userId, { ...answer, refreshToken: answer.refreshToken ?? tokens.refreshToken });
    return { accessToken: fresh.accessToken, notes: [`Alexa refreshed the expired access token: ${maskToken(fresh.accessToken)} ${lifetimeText(fresh, answer.expiresIn)}.`] };
  }

  /** The tokens Alexa holds for a user, for the local runtime's own actions (expire, revoke); never for printing. */
  tokensOf(userId: string): { readonly accessToken: string; readonly refreshToken: string | undefined } | undefined {
    const tokens = this.user(userId).tokens;
    return tokens === undefined ? undefined : { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  /** When Alexa considers this user's access token expired (epoch ms; Infinity when never), or undefined without one. */
  accessTokenExpiresAt(userId: string): number | undefined {
    return this.user(userId).tokens?.expiresAt;
  }

  /** Alexa's clock for this user's access token reaches its expiry now. */
  expireAccessToken(userId: string): boolean {
    const tokens = this.user(userId).tokens;
    if (tokens === undefined) return false;
    tokens.expiresAt = Date.now();
    return true;
  }

  /** The user unlinks in the Alexa app: Alexa forgets the tokens (it does not revoke them at the server). */
  unlink(userId: string): void {
    const user = this.user(userId);
    user.tokens = undefined;
    user.status = 'unlinked';
  }

  /** The user enables the skill: Alexa sends SkillEnabled. */
  async enable(userId: string, locale = 'en-US'): Promise<string> {
    this.user(userId).enabled = true;
    return this.sendEvent(userId, 'AlexaSkillEvent.SkillEnabled', {}, undefined, locale);
  }

  /** The user disables the skill: Alexa drops the link and sends SkillDisabled. */
  async disable(userId: string, locale = 'en-US'): Promise<string> {
    const user = this.user(userId);
    user.enabled = false;
    this.unlink(userId);
    return this.sendEvent(userId, 'AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' }, undefined, locale);
  }

  private user(userId: string): UserState {
    let user = this.users.get(userId);
    if (user === undefined) {
      user = { enabled: false, status: 'unlinked', tokens: undefined };
      this.users.set(userId, user);
    }
    return user;
  }

  private needsRelinking(user: UserState): void {
    user.tokens = undefined;
    user.status = 'needs relinking';
  }

  private keep(userId: string, answer: { accessToken: string; refreshToken: string | undefined; expiresIn: number | undefined }): Tokens {
    const lifetimeS = answer.expiresIn ?? this.options.template.defaultTokenExpirationInSeconds;
    const tokens: Tokens = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: lifetimeS === undefined ? Number.POSITIVE_INFINITY : Date.now() + lifetimeS * 1000,
      lifetimeS,
    };
    const user = this.user(userId);
    user.enabled = true;
    user.status = 'linked';
    user.tokens = tokens;
    return tokens;
  }

  private keepImplicitToken(pending: PendingLink, parameters: URLSearchParams, shown: string, steps: LinkStep[]): Promise<LinkOutcome> | LinkOutcome {
    const accessToken = parameters.get('access_token');
    if (accessToken === null) return { linked: false, steps, problem: `the redirect to ${shown} carried no access_token in its fragment` };
    const expiresIn = parameters.get('expires_in') === null ? undefined : Number(parameters.get('expires_in'));
    const tooShort = this.lifetimeProblem(expiresIn);
    if (tooShort !== undefined) return { linked: false, steps, problem: tooShort };
    const tokens = this.keep(pending.userId, { accessToken, refreshToken: undefined, expiresIn });
    steps.push({ step: 'token', text: `redirected to ${shown} with access token ${maskToken(accessToken)} in the fragment ${lifetimeText(tokens, expiresIn)}, no refresh token (implicit grant), state unchanged` });
    return this.sendEvent(pending.userId, 'AlexaSkillEvent.SkillAccountLinked', { accessToken }, accessToken, pending.locale).then((text) => {
      steps.push({ step: 'event', text });
      return { linked: true, steps };
    });
  }

  private lifetimeProblem(expiresIn: number | undefined): string | undefined {
    if (expiresIn === undefined) return undefined;
    if (!Number.isFinite(expiresIn) || expiresIn < MIN_ACCESS_TOKEN_SECONDS) {
      return `the access token lives ${expiresIn} s; Alexa requires at least ${MIN_ACCESS_TOKEN_SECONDS} s`;
    }
    return undefined;
  }

  /** A POST to the template's access-token URL, authenticated as the template's accessTokenScheme says, held to Amazon's rules. */
  private async tokenRequest(form: Record<string, string>): Promise<TokenAnswer> {
    const { template, tokenEndpointLimitMs: limitMs = TOKEN_ENDPOINT_LIMIT_MS } = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const body = new URLSearchParams(form);
    if (template.accessTokenScheme === 'HTTP_BASIC') {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(template.clientId)}:${encodeURIComponent(template.clientSecret ?? '')}`).toString('base64')}`;
    } else {
      body.set('client_id', template.clientId);
      body.set('client_secret', template.clientSecret ?? '');
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(template.accessTokenUrl!, { method: 'POST', headers, body, signal: AbortSignal.timeout(limitMs) });
      text = await response.text();
    } catch (error) {
      const late = (error as Error).name === 'TimeoutError';
      return {
        ok: false,
        error: late ? 'timeout' : 'bad_response',
        description: late ? `the token endpoint did not answer within ${limitMs / 1000} s, Amazon's limit` : `the token endpoint could not be reached (${(error as Error).message})`,
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the start of the body, which may be a token: say what it was, never what it said.
      return { ok: false, error: 'bad_response', description: `the token endpoint did not answer with JSON (HTTP ${response.status}, ${response.headers.get('content-type') ?? 'no content type'}, ${text.length} characters)` };
    }
    const answer = (json ?? {}) as Record<string, unknown>;
    if (!response.ok) {
      return { ok: false, error: typeof answer.error === 'string' ? answer.error : `http_${response.status}`, description: typeof answer.error_description === 'string' ? answer.error_description : `HTTP ${response.status}` };
    }
    if (typeof answer.access_token !== 'string' || answer.access_token === '') return { ok: false, error: 'bad_response', description: 'the token answer has no access_token' };
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : undefined;
    const tooShort = this.lifetimeProblem(expiresIn);
    if (tooShort !== undefined) return { ok: false, error: 'bad_response', description: tooShort };
    return { ok: true, accessToken: answer.access_token, refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : undefined, expiresIn };
  }

  private async sendEvent(userId: string, type: SkillEventType, body: Record<string, unknown>, accessToken: string | undefined, locale: string): Promise<string> {
    const envelope = skillEventRequest(type, body, { userId, locale, accessToken: accessToken ?? null, ...(this.options.skillId === undefined ? {} : { skillId: this.options.skillId }) });
    try {
      return describeEvent(type, await this.options.skill.invoke(envelope), undefined);
    } catch (error) {
      return describeEvent(type, undefined, error);
    }
  }
}

function lifetimeText(tokens: Tokens, expiresIn: number | undefined): string {
  if (tokens.lifetimeS === undefined) return '(no expires_in and no defaultTokenExpirationInSeconds: Alexa never refreshes it)';
  return expiresIn === undefined ? `lives ${tokens.lifetimeS} s (no expires_in: the template's defaultTokenExpirationInSeconds)` : `lives ${tokens.lifetimeS} s`;
}
