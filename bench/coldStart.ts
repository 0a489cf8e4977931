import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { startEmbeddedDynamoDb } from '../local/persistence/embeddedDynamoDb';
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
  /** The skill with a listener table configured (an embedded DynamoDB on loopback): the same unlinked launch... */
  readonly persistentUnlinked: ColdStart;
  /** ...the same linked list, which reads the table beside Spotify (the AWS SDK is loaded for it)... */
  readonly persistentLinked: ColdStart;
  /** ...and "play it again", which waits for the read, then plays. */
  readonly persistentPlayAgain: ColdStart;
  readonly processesPerVariant: number;
}

interface Variant {
  readonly name: string;
  readonly bundle: string;
  readonly envelope: RequestEnvelope;
  readonly expect: Expectation;
  readonly env: Record<string, string>;
  readonly results: ColdStartResult[];
}

async function coldStartOnce(coldChild: string, variant: Variant, spotifyBaseUrl: string): Promise<ColdStartResult> {
  const env = skillEnv({ SPOTIFY_API_BASE_URL: spotifyBaseUrl, ...variant.env });
  const child = forkQuietly(coldChild, [variant.bundle, JSON.stringify(variant.envelope)], env);
  const result = await nextMessage<ColdStartResult>(child);
  await exited(child);
  check(`cold start, ${variant.name}`, variant.expect, result.response);
  return result;
}

/**
 * Fresh processes, one request each, for the skill and the baseline, unlinked and linked, and
 * for the skill with a listener table configured.
 * Variants take turns round by round so a burst of load from other work on the machine
 * falls on all of them rather than on one.
 */
export async function measureColdStarts(paths: { coldChild: string; skill: string; baseline: string }, rounds: number): Promise<ColdStartFigures> {
  const spotify = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  const table = await startEmbeddedDynamoDb();
  const playlists = demoAccount().playlists.length;
  const unlinked = launchRequest({ accessToken: null });
  const linked = intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });
  const playAgain = intentRequest('PlayLastPlaylistIntent', {}, { accessToken: DEMO_ACCESS_TOKEN });
  const variant = (name: string, bundle: string, envelope: RequestEnvelope, expect: Expectation, env: Record<string, string> = {}): Variant => ({
    name,
    bundle,
    envelope,
    expect,
    env,
    results: [],
  });
  // What Lambda gives the function: the table's name, the SDK's settings, and (through NODE_PATH) the runtime's AWS SDK.
  const withTable = {
    PERSISTENCE_TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_PATH: path.resolve('node_modules'),
  };
  const skillUnlinked = variant('skill, unlinked launch', paths.skill, unlinked, expectLinkAccountCard);
  const skillLinked = variant('skill, linked list', paths.skill, linked, expectPlaylistList);
  const baselineUnlinked = variant('baseline, launch', paths.baseline, unlinked, expectSpeech('Hello world'));
  const baselineLinked = variant('baseline, linked list', paths.baseline, linked, expectSpeech(`You have ${playlists} playlists`));
  const persistentUnlinked = variant('skill with a table, unlinked launch', paths.skill, unlinked, expectLinkAccountCard, withTable);
  const persistentLinked = variant('skill with a table, linked list', paths.skill, linked, expectPlaylistList, withTable);
  const persistentPlayAgain = variant('skill with a table, play it again', paths.skill, playAgain, expectSpeech('Playing Morning Run on'), withTable);
  const variants = [skillUnlinked, baselineUnlinked, skillLinked, baselineLinked, persistentUnlinked, persistentLinked, persistentPlayAgain];
  try {
    // The listener has played Morning Run once, so that "play it again" has something to play.
    const seed = variant('skill with a table, play', paths.skill, intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, { accessToken: DEMO_ACCESS_TOKEN }), expectSpeech('Playing Morning Run on'), withTable);
    await coldStartOnce(paths.coldChild, seed, spotify.baseUrl);
    for (let round = 0; round < rounds; round += 1) {
      for (const each of variants) each.results.push(await coldStartOnce(paths.coldChild, each, spotify.baseUrl));
    }
  } finally {
    await spotify.close();
    await table.close();
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
    persistentUnlinked: figures(persistentUnlinked),
    persistentLinked: figures(persistentLinked),
    persistentPlayAgain: figures(persistentPlayAgain),
    processesPerVariant: rounds,
  };
}
