import net, { type AddressInfo } from 'node:net';
import { Deadline, SpotifyClient, type CallEvent, type SpotifyApi } from '../../lambda/spotify';
import type { TransportOptions } from '../../lambda/spotify/transport';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { AccountRecord } from '../../local/spotify/model';
import { SpotifyStandIn } from '../../local/spotify/standIn';

export interface ClientFixture {
  readonly spotify: SpotifyStandIn;
  readonly client: SpotifyClient;
  /** Every attempt the client reported, in order. */
  readonly events: CallEvent[];
  /** The client bound to `token` (the demo account's by default) and a fresh deadline of `budgetMs`. */
  api(options?: { budgetMs?: number; token?: string; deadline?: Deadline }): SpotifyApi;
  close(): Promise<void>;
}

export interface ClientFixtureOptions extends Partial<Omit<TransportOptions, 'baseUrl' | 'observe'>> {
  /** Accounts by token; by default the demo account under DEMO_ACCESS_TOKEN. */
  accounts?: Record<string, AccountRecord>;
  /** Point the client somewhere other than the stand-in (a closed port, say). */
  baseUrl?: string;
  /** Called after each attempt, e.g. to move a fake clock on. */
  onCall?: (event: CallEvent) => void;
}

/** Short by design: tests prove the budget logic, the benchmark proves the real 6.5 s. */
export const TEST_BUDGET_MS = 800;
export const TEST_CALL_TIMEOUT_MS = 400;

/** The Spotify client against a Spotify stand-in on loopback, with short budgets. */
export async function startClientFixture(options: ClientFixtureOptions = {}): Promise<ClientFixture> {
  const { accounts, baseUrl, onCall, ...transport } = options;
  const spotify = await SpotifyStandIn.start({ accounts: accounts ?? { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  const events: CallEvent[] = [];
  const client = new SpotifyClient({
    callTimeoutMs: TEST_CALL_TIMEOUT_MS,
    ...transport,
    baseUrl: baseUrl ?? spotify.baseUrl,
    observe: (event) => {
      events.push(event);
      onCall?.(event);
    },
  });
  return {
    spotify,
    client,
    events,
    api: ({ budgetMs = TEST_BUDGET_MS, token = DEMO_ACCESS_TOKEN, deadline = Deadline.after(budgetMs) } = {}) =>
      client.forUser(() => token, deadline),
    close: () => spotify.close(),
  };
}

/** A clock that moves only when told, for deadlines that must run out at a chosen moment. */
export function manualClock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

/** A base URL on a loopback port that nothing listens on: connecting to it is refused. */
export async function refusedBaseUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
