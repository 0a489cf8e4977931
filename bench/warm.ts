import { DEMO_ACCESS_TOKEN, demoAccount } from '../local/spotify/demoAccount';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { intentRequest } from '../test/support/envelopes';
import { exited, forkQuietly, nextMessage, skillEnv } from './children';
import { check, expectPlaylistList } from './expectations';
import type { DirectCall, InvokeResult, WarmResult, WorkerCommand, WorkerReply } from './protocol';
import { median, percentile } from './stats';

export interface WarmFigures {
  readonly requests: number;
  readonly overheadP50Ms: number;
  readonly overheadP99Ms: number;
  readonly overheadCpuP50Ms: number;
  readonly overheadCpuP99Ms: number;
  readonly directP99Ms: number;
  readonly skillP50Ms: number;
  readonly directP50Ms: number;
  /** TCP connections the skill's stand-in accepted over the whole loop (keep-alive: 1). */
  readonly connectionsOpened: number;
  readonly heapUsedBytes: number;
  readonly heapUsedBeforeGcBytes: number;
  readonly rssBytes: number;
}

function expectReply<T extends WorkerReply['type']>(reply: WorkerReply, type: T): Extract<WorkerReply, { type: T }> {
  if (reply.type !== type) throw new Error(`skill worker: ${reply.type === 'failed' ? reply.message : `expected ${type}, got ${reply.type}`}`);
  return reply as Extract<WorkerReply, { type: T }>;
}

/**
 * One warm container answering linked list requests back to back, each paired with the same
 * Spotify calls made directly. The direct calls go to a second stand-in so the skill's own
 * stand-in counts only the skill's connections.
 */
export async function measureWarm(paths: { worker: string; skill: string }, warmUp: number, requests: number): Promise<WarmFigures> {
  const accounts = () => ({ [DEMO_ACCESS_TOKEN]: demoAccount() });
  const skillSpotify = await SpotifyStandIn.start({ accounts: accounts() });
  const directSpotify = await SpotifyStandIn.start({ accounts: accounts() });
  const worker = forkQuietly(paths.worker, [paths.skill], skillEnv({ SPOTIFY_API_BASE_URL: skillSpotify.baseUrl }), ['--expose-gc']);
  try {
    const envelope = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });
    const ask = (command: WorkerCommand) => {
      const reply = nextMessage<WorkerReply>(worker);
      worker.send(command);
      return reply;
    };
    const first = expectReply(await ask({ type: 'invoke', envelope }), 'invoked') as InvokeResult;
    check('warm, linked list', expectPlaylistList, first.response);
    // Replay exactly what the skill asked of Spotify, whatever that is after later changes.
    const calls: DirectCall[] = skillSpotify.requests.map(({ method, path, query }) => ({ method, path, query }));
    skillSpotify.reset();
    const warm = expectReply(
      await ask({ type: 'warm', envelope, warmUp, requests, directBaseUrl: directSpotify.baseUrl, accessToken: DEMO_ACCESS_TOKEN, calls }),
      'warmed',
    ) as WarmResult;
    return {
      requests: warm.overheadMs.length,
      overheadP50Ms: median(warm.overheadMs),
      overheadP99Ms: percentile(warm.overheadMs, 99),
      overheadCpuP50Ms: median(warm.overheadCpuMs),
      overheadCpuP99Ms: percentile(warm.overheadCpuMs, 99),
      directP99Ms: percentile(warm.directMs, 99),
      skillP50Ms: median(warm.skillMs),
      directP50Ms: median(warm.directMs),
      connectionsOpened: skillSpotify.connectionsOpened,
      heapUsedBytes: warm.heapUsedBytes,
      heapUsedBeforeGcBytes: warm.heapUsedBeforeGcBytes,
      rssBytes: warm.rssBytes,
    };
  } finally {
    worker.kill();
    await exited(worker);
    await Promise.all([skillSpotify.close(), directSpotify.close()]);
  }
}
