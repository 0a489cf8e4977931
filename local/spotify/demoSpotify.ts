import { explainListenError } from '../http';
import { DemoAuthorizationServer, DEMO_ACCOUNT_ID, type AuthorizationServerOptions } from './accounts/server';
import { demoAccount, DEMO_ACCESS_TOKEN } from './demoAccount';
import { FaultSwitch } from './faults';
import type { AccountRecord } from './model';
import { SpotifyStandIn } from './standIn';

/**
 * The demo Spotify of `npm start` and `npm run simulate`: its Web API (the stand-in, seeded with
 * the demo account) answering only the tokens its authorization server issued, and that server.
 */
export interface DemoSpotify {
  readonly standIn: SpotifyStandIn;
  /** What accounts.spotify.com is to Spotify: consent, codes, tokens, revocation. */
  readonly accounts: DemoAuthorizationServer;
  /** The demo account's live state (playback changes as the skill plays). */
  readonly account: AccountRecord;
  readonly faults: FaultSwitch;
  close(): Promise<void>;
}

export type DemoSpotifyOptions = Omit<AuthorizationServerOptions, 'host' | 'port'>;

/** The API on `port` and the authorization server on the port after it (any free ones for 0). */
export async function startDemoSpotify(host: string, port: number, options: DemoSpotifyOptions = {}): Promise<DemoSpotify> {
  const account = demoAccount();
  const accounts = await DemoAuthorizationServer.start({ ...options, host, port: port === 0 ? 0 : port + 1, accountName: account.displayName ?? account.id });
  let standIn: SpotifyStandIn;
  try {
    // The well-known demo token too, as one the server issued: what a developer pastes into curl.
    await accounts.issueStandingToken(DEMO_ACCESS_TOKEN);
    standIn = await SpotifyStandIn.start({
      accounts: {},
      host,
      port,
      access: async (token, method, path) => {
        const decision = await accounts.access(token, method, path);
        if (!decision.ok) return decision;
        return decision.accountId === DEMO_ACCOUNT_ID ? { account } : { status: 401, message: 'Invalid access token' };
      },
    });
  } catch (error) {
    await accounts.close();
    throw explainListenError(error, port, 'the demo Spotify');
  }
  return {
    standIn,
    accounts,
    account,
    faults: new FaultSwitch(standIn),
    close: async () => {
      await standIn.close();
      await accounts.close();
    },
  };
}
