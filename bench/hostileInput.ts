import { demoAccount } from '../local/spotify/demoAccount';
import type { PlaylistRecord } from '../local/spotify/model';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { intentRequest } from '../test/support/envelopes';
import { exited, forkQuietly, skillEnv } from './children';
import { expectSpeech, type Expectation } from './expectations';
import { medianAnswerMs } from './timedAnswers';

export interface HostileInputFigures {
  /** A linked PlayPlaylistIntent whose slot value is 250 KB, matched against 300 playlists. */
  readonly hostileSlotAnswerMs: number;
  /** PlaylistDetailsIntent for a playlist whose description is 60,000 "<". */
  readonly hostileDescriptionAnswerMs: number;
  readonly hostileRuns: number;
}

const LIBRARY_TOKEN = 'bench-token-300-playlists';
const DESCRIPTION_TOKEN = 'bench-token-hostile-description';

/** 300 playlists with ordinary, distinct names: the most the skill matches a spoken name against. */
function library(): PlaylistRecord[] {
  return Array.from({ length: 300 }, (_, index) => ({
    id: `benchPlaylist${String(index).padStart(9, '0')}`,
    name: `Playlist ${index} for the ${['morning', 'evening', 'road', 'gym', 'kitchen'][index % 5]} mix`,
    trackCount: 10 + index,
  }));
}

/**
 * What a forged or hostile request costs a warm container, end to end: the answer's time for a
 * 250 KB spoken name and for a description built to make a backtracking pattern work hard.
 * Both answers are checked, so a fast wrong answer cannot pass for a fast right one.
 */
export async function measureHostileInput(paths: { worker: string; skill: string }, runs: number): Promise<HostileInputFigures> {
  const spotify = await SpotifyStandIn.start({
    accounts: {
      [LIBRARY_TOKEN]: demoAccount({ playlists: library() }),
      [DESCRIPTION_TOKEN]: demoAccount({ playlists: [{ id: 'benchHostileDescription', name: 'Hostile Description', trackCount: 3, description: '<'.repeat(60_000) }] }),
    },
  });
  const worker = forkQuietly(paths.worker, [paths.skill], skillEnv({ SPOTIFY_API_BASE_URL: spotify.baseUrl }));

  const timeOf = async (what: string, token: string, spoken: string, intent: string, expect: Expectation): Promise<number> => {
    const asked = { what, envelope: intentRequest(intent, { playlist: spoken }, { accessToken: token }), expect };
    // The container is warm, as for every other warm figure: the first Spotify call's loading of axios and zod is not on this clock.
    await medianAnswerMs(worker, { ...asked, runs: 1 });
    return medianAnswerMs(worker, { ...asked, runs });
  };

  try {
    return {
      hostileSlotAnswerMs: await timeOf('a 250 KB spoken name against 300 playlists', LIBRARY_TOKEN, 'ab'.repeat(125_000), 'PlayPlaylistIntent', expectSpeech("I couldn't find a playlist called abab")),
      hostileDescriptionAnswerMs: await timeOf(
        'a 60,000-character description',
        DESCRIPTION_TOKEN,
        'hostile description',
        'PlaylistDetailsIntent',
        (response) => expectSpeech('Hostile Description')(response) && expectSpeech('description says: <<<')(response),
      ),
      hostileRuns: runs,
    };
  } finally {
    worker.kill();
    await exited(worker);
    await spotify.close();
  }
}
