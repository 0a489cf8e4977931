import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { PAGE_CONCURRENCY } from '../lambda/spotify/client';
import { demoAccount } from '../local/spotify/demoAccount';
import type { PlaylistRecord } from '../local/spotify/model';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { sequentialDepth } from '../test/support/callOrder';
import { DYNAMIC_AUTHORITY, intentRequest, resolved } from '../test/support/envelopes';
import { exited, forkQuietly, nextMessage, skillEnv } from './children';
import { check, expectPlaylistList, expectSpeech, type Expectation } from './expectations';
import type { WorkerReply } from './protocol';
import { median, round } from './stats';

/*
 * How many Spotify round trips a user waits for, scenario by scenario: every request to the
 * Spotify stand-in is answered `delayMs` late, as if Spotify were that far away, and the answer
 * time divided by that delay is the critical path in round trips. The stand-in's record gives
 * the number of requests and, from which started after which ended, the chain of calls that
 * waited for one another.
 */

export interface CriticalPathRow {
  readonly scenario: string;
  /** Playlists in the user's library. */
  readonly library: number;
  /** Median answer time over the runs, divided by the injected delay. */
  readonly roundTrips: number;
  /** What the calls' dependencies allow. */
  readonly floor: number;
  /** Spotify requests the answer took. */
  readonly requests: number;
  /** The longest chain of requests each of which waited for the one before. */
  readonly sequentialCalls: number;
}

export interface CriticalPathFigures {
  readonly delayMs: number;
  readonly runs: number;
  readonly rows: readonly CriticalPathRow[];
  /** TCP connections the stand-in accepted over every run: one warm container's. */
  readonly connectionsOpened: number;
}

const MORNING_RUN_ID = '37i9dQZF1DXcBWIGoYBM5M';
/** The pages of a walk, at most five at once, and the device list beside them: one container opens no more. */
export const MOST_CONNECTIONS = PAGE_CONCURRENCY + 1;
export const LIBRARY_SIZES = [30, 300] as const;
const PAGE = 50;

/** One round trip for the first page, one more for all the others together. */
const walk = (size: number) => (size > PAGE ? 2 : 1);

interface Scenario {
  readonly name: string;
  readonly floor: (size: number) => number;
  /** Turns of the same session before the measured one, not timed. */
  readonly before?: (token: string) => readonly RequestEnvelope[];
  readonly measured: (token: string, attributes: Record<string, unknown>) => RequestEnvelope;
  readonly expect: Expectation;
}

const turn = (intent: string, slots: Record<string, string> = {}) => (token: string, attributes: Record<string, unknown> = {}) =>
  intentRequest(intent, slots, { accessToken: token, attributes });

export const SCENARIOS: readonly Scenario[] = [
  { name: 'list my playlists', floor: () => 1, measured: turn('ListPlaylistsIntent'), expect: expectPlaylistList },
  {
    name: 'details of a name ("chill vibes")',
    floor: (size) => walk(size) + 1,
    measured: turn('PlaylistDetailsIntent', { playlist: 'chill vibes' }),
    expect: expectSpeech('Chill "Vibes", by Demo Listener'),
  },
  {
    name: 'play a name ("morning run")',
    floor: (size) => walk(size) + 1,
    measured: turn('PlayPlaylistIntent', { playlist: 'morning run' }),
    expect: expectSpeech('Playing Morning Run on'),
  },
  {
    name: '"yes" for the next page',
    floor: () => 1,
    before: (token) => [turn('ListPlaylistsIntent')(token)],
    measured: turn('AMAZON.YesIntent'),
    expect: expectSpeech('Here are the next ones'),
  },
  {
    name: 'play after "did you mean" ("the second one")',
    floor: () => 2,
    before: (token) => [turn('PlayPlaylistIntent', { playlist: 'deep' })(token)],
    measured: turn('PlayPlaylistIntent', { playlist: 'the second one' }),
    expect: expectSpeech('Playing Deep House on'),
  },
  {
    name: '"play the third one" after a list',
    floor: () => 2,
    before: (token) => [turn('ListPlaylistsIntent')(token)],
    measured: turn('PlayPlaylistIntent', { playlist: 'the third one' }),
    // Chill "Vibes" among 30, Mixtape No. 3 among 300.
    expect: expectSpeech('Playing '),
  },
  {
    name: 'play a name Alexa resolved to its id',
    floor: () => 2,
    measured: (token, attributes) => resolved(turn('PlayPlaylistIntent', { playlist: 'morning run' })(token, attributes), { authority: DYNAMIC_AUTHORITY, ids: [MORNING_RUN_ID] }),
    expect: expectSpeech('Playing Morning Run on'),
  },
  {
    name: 'details of a name Alexa resolved to its id',
    floor: () => 1,
    measured: (token, attributes) => resolved(turn('PlaylistDetailsIntent', { playlist: 'morning run' })(token, attributes), { authority: DYNAMIC_AUTHORITY, ids: [MORNING_RUN_ID] }),
    expect: expectSpeech('Morning Run, by Demo Listener'),
  },
  {
    name: 'play a second name in the session (library index)',
    floor: () => 2,
    before: (token) => [turn('PlaylistDetailsIntent', { playlist: 'chill vibes' })(token)],
    measured: turn('PlayPlaylistIntent', { playlist: 'morning run' }),
    expect: expectSpeech('Playing Morning Run on'),
  },
];

/** The demo playlists, after enough others to make `size`: the names asked for are on the last page. */
export function libraryOf(size: number): PlaylistRecord[] {
  const demo = demoAccount().playlists;
  const others = Array.from({ length: Math.max(0, size - demo.length) }, (_, index) => ({
    id: `bench${String(index).padStart(17, '0')}`,
    name: `Mixtape No. ${index + 1}`,
    trackCount: 20 + (index % 40),
  }));
  return [...others, ...demo];
}

const tokenFor = (size: number) => `bench-token-${size}-playlists`;

/**
 * Every scenario on every library, in one warm container (a worker that loaded the bundle once):
 * a first run without delay warms it up, then `runs` runs with every Spotify answer `delayMs` late.
 */
export async function measureCriticalPaths(paths: { worker: string; skill: string }, settings: { delayMs: number; runs: number }): Promise<CriticalPathFigures> {
  const accounts = Object.fromEntries(LIBRARY_SIZES.map((size) => [tokenFor(size), demoAccount({ playlists: libraryOf(size) })]));
  const spotify = await SpotifyStandIn.start({ accounts });
  const worker = forkQuietly(paths.worker, [paths.skill], skillEnv({ SPOTIFY_API_BASE_URL: spotify.baseUrl }));
  const invoke = async (envelope: RequestEnvelope): Promise<{ ms: number; response: ResponseEnvelope }> => {
    const reply = nextMessage<WorkerReply>(worker);
    worker.send({ type: 'invoke', envelope });
    const answer = await reply;
    if (answer.type !== 'invoked') throw new Error(`critical path: ${answer.type === 'failed' ? answer.message : answer.type}`);
    return answer;
  };

  const rows: CriticalPathRow[] = [];
  try {
    for (const size of LIBRARY_SIZES) {
      const token = tokenFor(size);
      for (const scenario of SCENARIOS) {
        const times: number[] = [];
        let requests = 0;
        let sequentialCalls = 0;
        for (let run = 0; run <= settings.runs; run += 1) {
          let attributes: Record<string, unknown> = {};
          for (const envelope of scenario.before?.(token) ?? []) {
            attributes = (await invoke({ ...envelope, session: { ...envelope.session!, attributes, new: false } })).response.sessionAttributes ?? {};
          }
          spotify.reset();
          if (run > 0) spotify.inject({ times: Infinity, fault: { kind: 'delay', ms: settings.delayMs } });
          const { ms, response } = await invoke(scenario.measured(token, attributes));
          check(`critical path, ${scenario.name}, ${size} playlists`, scenario.expect, response);
          if (run === 0) continue;
          times.push(ms);
          requests = spotify.requests.length;
          sequentialCalls = sequentialDepth(spotify.requests);
        }
        rows.push({ scenario: scenario.name, library: size, roundTrips: round(median(times) / settings.delayMs), floor: scenario.floor(size), requests, sequentialCalls });
      }
    }
    return { delayMs: settings.delayMs, runs: settings.runs, rows, connectionsOpened: spotify.connectionsOpened };
  } finally {
    worker.kill();
    await exited(worker);
    await spotify.close();
  }
}
