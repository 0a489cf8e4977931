import { DEMO_ACCESS_TOKEN, demoAccount } from '../local/spotify/demoAccount';
import { SpotifyStandIn, type Fault } from '../local/spotify/standIn';
import { intentRequest } from '../test/support/envelopes';
import { exited, forkQuietly, skillEnv } from './children';
import { expectRateLimited, expectUnreachable, type Expectation } from './expectations';
import { medianAnswerMs } from './timedAnswers';

export interface WorstCaseFigures {
  readonly hungSpotifyAnswerMs: number;
  readonly rateLimitedAnswerMs: number;
  readonly hungRuns: number;
  readonly rateLimitedRuns: number;
}

export interface WorstCaseSettings {
  readonly hungRuns: number;
  readonly rateLimitedRuns: number;
  /** Extra skill environment; empty for the real defaults (6.5 s budget, 3 s per call). */
  readonly env: Record<string, string>;
}

/** A warm container whose Spotify misbehaves on every list call: time to the user's answer. */
export async function measureWorstCases(paths: { worker: string; skill: string }, settings: WorstCaseSettings): Promise<WorstCaseFigures> {
  const spotify = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  const worker = forkQuietly(paths.worker, [paths.skill], skillEnv({ SPOTIFY_API_BASE_URL: spotify.baseUrl, ...settings.env }));
  const envelope = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });

  const timeWith = (what: string, fault: Fault, expect: Expectation, runs: number): Promise<number> =>
    medianAnswerMs(worker, {
      what,
      envelope,
      expect,
      runs,
      around: { before: () => spotify.inject({ method: 'GET', path: '/me/playlists', times: Infinity, fault }), after: () => spotify.clearFaults() },
    });

  try {
    return {
      hungSpotifyAnswerMs: await timeWith('Spotify never answers', { kind: 'hang' }, expectUnreachable, settings.hungRuns),
      rateLimitedAnswerMs: await timeWith(
        'Spotify answers 429, Retry-After: 30',
        { kind: 'status', status: 429, headers: { 'Retry-After': '30' } },
        expectRateLimited,
        settings.rateLimitedRuns,
      ),
      hungRuns: settings.hungRuns,
      rateLimitedRuns: settings.rateLimitedRuns,
    };
  } finally {
    worker.kill();
    await exited(worker);
    await spotify.close();
  }
}
