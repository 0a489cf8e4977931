import { explainListenError } from '../http';
import { demoAccount, DEMO_ACCESS_TOKEN } from './demoAccount';
import { FaultSwitch } from './faults';
import type { AccountRecord } from './model';
import { SpotifyStandIn } from './standIn';

/** The demo Spotify of `npm start` and `npm run simulate`: the stand-in, seeded with the demo account. */
export interface DemoSpotify {
  readonly standIn: SpotifyStandIn;
  /** The demo account's live state (playback changes as the skill plays). */
  readonly account: AccountRecord;
  readonly faults: FaultSwitch;
  close(): Promise<void>;
}

export async function startDemoSpotify(host: string, port: number): Promise<DemoSpotify> {
  const account = demoAccount();
  let standIn: SpotifyStandIn;
  try {
    standIn = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: account }, host, port });
  } catch (error) {
    throw explainListenError(error, port, 'the demo Spotify');
  }
  return { standIn, account, faults: new FaultSwitch(standIn), close: () => standIn.close() };
}
