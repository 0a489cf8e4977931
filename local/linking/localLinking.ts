import type { DemoAuthorizationServer } from '../spotify/accounts/server';
import type { AlexaAccountLinking, LinkOutcome, LinkStatus, RequestToken } from './alexaLinking';

/**
 * Account linking in the local run, as actions on one simulated user: what the user does in the
 * Alexa app (link, unlink, enable, disable), what the user does at Spotify (revoke), and time
 * passing (expire). Alexa's side is the emulator; Spotify's side is the demo authorization
 * server. The terminal simulator and a web page call the same functions.
 */
export class LocalLinking {
  /** The local runtime's own redirect URL, once it listens: where a browser comes back to after consent. */
  callbackUrl: string | undefined;

  constructor(
    readonly alexa: AlexaAccountLinking,
    private readonly spotify: DemoAuthorizationServer,
  ) {}

  status(userId: string): LinkStatus {
    return this.alexa.status(userId);
  }

  /**
   * The simulated user as a new Alexa user finds the skill: enabled, and linked through the whole
   * flow when `linked`. Quiet, so a transcript starts with what the person typed; resolves with
   * why the user could not be linked (a template or server the flow fails with), if so.
   */
  async prepare(userId: string, { linked, locale }: { linked: boolean; locale?: string }): Promise<string | undefined> {
    if (!linked) {
      await this.alexa.enable(userId, locale);
      return undefined;
    }
    const outcome = await this.alexa.link(userId, { ...(locale === undefined ? {} : { locale }) });
    return outcome.linked ? undefined : `the simulated user could not be linked: ${outcome.problem ?? 'the flow did not finish'}; try the link command to see each step`;
  }

  link(userId: string, options: { deny?: boolean; locale?: string } = {}): Promise<LinkOutcome> {
    return this.alexa.link(userId, options);
  }

  /**
   * Linking in a real browser (a web page's Link button): the authorization URL to open, whose
   * consent redirects back to the local runtime's callback, which finishes the link.
   */
  beginBrowserLink(userId: string, locale?: string): string {
    if (this.callbackUrl === undefined) throw new Error('the local runtime is not listening yet');
    return this.alexa.beginLink(userId, { redirectUri: this.callbackUrl, ...(locale === undefined ? {} : { locale }) }).url;
  }

  unlink(userId: string): string {
    this.alexa.unlink(userId);
    return 'unlinked in the Alexa app: Alexa forgets the tokens, so requests carry no access token';
  }

  enable(userId: string, locale?: string): Promise<string> {
    return this.alexa.enable(userId, locale);
  }

  async disable(userId: string, locale?: string): Promise<string> {
    return `skill disabled (which unlinks the account); ${await this.alexa.disable(userId, locale)}`;
  }

  tokenForRequest(userId: string): Promise<RequestToken> {
    return this.alexa.tokenForRequest(userId);
  }

  /** The access token's lifetime ends now, at the demo Spotify and in Alexa's record: the next request shows Alexa's refresh. */
  expire(userId: string): string {
    const tokens = this.alexa.tokensOf(userId);
    if (tokens === undefined) return 'nothing to expire: the account is not linked';
    this.spotify.store.expireAccessToken(tokens.accessToken);
    this.alexa.expireAccessToken(userId);
    return 'the access token expired now (at the demo Spotify and for Alexa): the next request shows what Alexa does about it';
  }

  /**
   * The user removes Playlist Pal's access in their Spotify account: the demo Spotify revokes the
   * grant, so its access and refresh tokens stop working. Alexa learns of it only when it next
   * refreshes, so the access token's lifetime is also let run out now.
   */
  revoke(userId: string): string {
    const tokens = this.alexa.tokensOf(userId);
    const grant = tokens === undefined ? undefined : this.spotify.store.grantOf(tokens.refreshToken ?? tokens.accessToken);
    if (grant === undefined) return 'nothing to revoke: the demo Spotify has no grant for this user';
    this.spotify.store.revokeGrant(grant);
    this.alexa.expireAccessToken(userId);
    return "access revoked at the demo Spotify (the user removed the app in their account): its tokens stop working, and the access token's time is let run out so the next request shows Alexa's refresh";
  }
}
