import type { RequestEnvelope } from 'ask-sdk-model';
import { DEMO_ACCESS_TOKEN, demoAccount } from '../local/spotify/demoAccount';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { intentRequest, launchRequest } from '../test/support/envelopes';
import { exited, forkQuietly, nextMessage, skillEnv } from './children';
import { check, expectLinkAccountCard, expectPlaylistList, expectSpeech, type Expectation } from './expectations';
import type { ColdStartResult } from './protocol';
import { median } from './stats';

/** Medians over fresh processes, in ms. */
export interface ColdStart {
  /** From the process's start (Node's own boot included) to the answer: what a cold start is. */
  readonly fromProcessStartMs: number;
  /** Loading the bundle and answering, Node's start-up left out. */
  readonly inProcessMs: number;
  /** Loading the bundle alone. */
  readonly loadMs: number;
}

export interface ColdStartFigures {
  readonly skillUnlinked: ColdStart;
  readonly baselineUnlinked: ColdStart;
  readonly skillLinked: ColdStart;
  readonly baselineLinked: ColdStart;
  readonly processesPerVariant: number;
}

interface Variant {
  readonly name: string;
  readonly bundle: string;
  readonly envelope: RequestEnvelope;
  readonly expect: Expectation;
  readonly results: ColdStartResult[];
}

async function coldStartOnce(coldChild: string, variant: Variant, spotifyBaseUrl: string): Promise<ColdStartResult> {
  const child = forkQuietly(coldChild, [variant.bundle, JSON.stringify(variant.envelope)], skillEnv({ SPOTIFY_API_BASE_URL: spotifyBaseUrl }));
  const result = await nextMessage<ColdStartResult>(child);
  await exited(child);
  check(`cold start, ${variant.name}`, variant.expect, result.response);
  return result;
}

/**
 * Fresh processes, one request each, for the skill and the baseline, unlinked and linked.
 * Variants take turns round by round so a burst of load from other work on the machine
 * falls on all of them rather than on one.
 */
export async function measureColdStarts(paths: { coldChild: string; skill: string; baseline: string }, rounds: number): Promise<ColdStartFigures> {
  const spotify = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  const playlists = demoAccount().playlists.length;
  const unlinked = launchRequest({ accessToken: null });
  const linked = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });
  const variant = (name: string, bundle: string, envelope: RequestEnvelope, expect: Expectation): Variant => ({ name, bundle, envelope, expect, results: [] });
  const skillUnlinked = variant('skill, unlinked launch', paths.skill, unlinked, expectLinkAccountCard);
  const skillLinked = variant('skill, linked list', paths.skill, linked, expectPlaylistList);
  const baselineUnlinked = variant('baseline, launch', paths.baseline, unlinked, expectSpeech('Hello world'));
  const baselineLinked = variant('baseline, linked list', paths.baseline, linked, expectSpeech(`You have ${playlists} playlists`));
  const variants = [skillUnlinked, baselineUnlinked, skillLinked, baselineLinked];
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const each of variants) each.results.push(await coldStartOnce(paths.coldChild, each, spotify.baseUrl));
    }
  } finally {
    await spotify.close();
  }
  const figures = ({ results }: Variant): ColdStart => ({
    fromProcessStartMs: median(results.map((result) => result.sinceProcessStartMs)),
    inProcessMs: median(results.map((result) => result.loadMs + result.firstRequestMs)),
    loadMs: median(results.map((result) => result.loadMs)),
  });
  return {
    skillUnlinked: figures(skillUnlinked),
    baselineUnlinked: figures(baselineUnlinked),
    skillLinked: figures(skillLinked),
    baselineLinked: figures(baselineLinked),
    processesPerVariant: rounds,
  };
}
