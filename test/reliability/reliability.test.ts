import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { alexaProblems, secretForms, userFacingText } from './alexaAccepts';
import { envelope, linkedSpotifyRequest, spotifyAnswer, type GeneratedEnvelope } from './arbitraries';
import { BundleUnderTest, type Invocation } from './bundleUnderTest';
import { intentRequest, launchRequest } from '../support/envelopes';

/*
 * Properties of the built bundle (build/lambda/index.js) at LOG_LEVEL=debug: whatever envelope
 * arrives and whatever Spotify answers, the skill answers as Alexa accepts, throws nothing, and
 * no secret reaches its logs, speech or cards. `npm test` runs a short seeded pass;
 * `npm run test:reliability` runs RELIABILITY_RUNS (10,000) envelopes. A failure prints the seed
 * and the shrunk counterexample (fast-check's report); RELIABILITY_SEED replays it.
 */

const ENVELOPE_RUNS = Number(process.env.RELIABILITY_RUNS ?? 500);
const SPOTIFY_RUNS = Math.max(30, Math.round(ENVELOPE_RUNS / 10));
/** Room for every run to take the longest a run may (a retry and Spotify's 1 s budget), and then some. */
const timeoutFor = (runs: number) => 30_000 + runs * 1_200;
const SEED = Number(process.env.RELIABILITY_SEED ?? 20261130);

interface Figures {
  envelopes: number;
  spotifyAnswers: number;
  nonObjectEvents: number;
  spokenAnswers: number;
  emptyAnswers: number;
  linkAccountCards: number;
  canFulfillAnswers: number;
  skillEvents: number;
  linkedEventTokens: number;
  /** Listeners the table remembered by the end (skill events and plays act on it). */
  rememberedListeners: number;
  largestResponseBytes: number;
  longestSsmlChars: number;
  slowestMs: number;
  logLines: number;
  longestLogLineChars: number;
  times: number[];
}

const figures: Figures = {
  envelopes: 0,
  spotifyAnswers: 0,
  nonObjectEvents: 0,
  spokenAnswers: 0,
  emptyAnswers: 0,
  linkAccountCards: 0,
  canFulfillAnswers: 0,
  skillEvents: 0,
  linkedEventTokens: 0,
  rememberedListeners: 0,
  largestResponseBytes: 0,
  longestSsmlChars: 0,
  slowestMs: 0,
  logLines: 0,
  longestLogLineChars: 0,
  times: [],
};

function record(invocation: Invocation): void {
  const lines = invocation.logs.split('\n').filter(Boolean);
  figures.logLines += lines.length;
  figures.longestLogLineChars = Math.max(figures.longestLogLineChars, ...lines.map((line) => line.length));
  figures.slowestMs = Math.max(figures.slowestMs, invocation.ms);
  figures.times.push(invocation.ms);
  const response = invocation.response;
  if (response === undefined) return;
  figures.largestResponseBytes = Math.max(figures.largestResponseBytes, Buffer.byteLength(JSON.stringify(response)));
  const ssml = (response.response?.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
  figures.longestSsmlChars = Math.max(figures.longestSsmlChars, ssml.length);
  if (response.response?.outputSpeech === undefined) figures.emptyAnswers += 1;
  else figures.spokenAnswers += 1;
  if (response.response?.card?.type === 'LinkAccount') figures.linkAccountCards += 1;
  if (response.response?.canFulfillIntent !== undefined) figures.canFulfillAnswers += 1;
}

/** Fails with what went wrong: an exception, a response Alexa would refuse, or a secret where it must not be. */
function check(invocation: Invocation, secrets: readonly string[]): void {
  if (invocation.thrown !== undefined) throw new Error(`the handler threw: ${String((invocation.thrown as Error)?.stack ?? invocation.thrown)}`);
  const problems = alexaProblems(invocation.response!);
  if (problems.length > 0) throw new Error(`Alexa would refuse the answer: ${problems.join('; ')}`);
  const facing = userFacingText(invocation.response!);
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      if (invocation.logs.includes(form)) throw new Error(`a secret reached the logs: ${JSON.stringify(secret)}`);
      if (facing.includes(form)) throw new Error(`a secret reached speech or a card: ${JSON.stringify(secret)}`);
    }
  }
  for (const line of invocation.logs.split('\n').filter(Boolean)) JSON.parse(line);
}

function secretsOf(generated: GeneratedEnvelope): string[] {
  return [generated.token, generated.apiAccessToken, generated.linkedEventToken].filter((secret): secret is string => secret !== undefined);
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

describe('the built bundle under generated input', () => {
  let bundle: BundleUnderTest;
  let started: number;
  beforeAll(async () => {
    bundle = await BundleUnderTest.start();
    started = performance.now();
  });
  afterAll(async () => {
    figures.rememberedListeners = (await bundle.table.items()).length;
    await bundle.close();
    const report = {
      seed: SEED,
      ...figures,
      times: undefined,
      medianMs: Math.round(percentile(figures.times, 0.5) * 10) / 10,
      p99Ms: Math.round(percentile(figures.times, 0.99) * 10) / 10,
      slowestMs: Math.round(figures.slowestMs),
      totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
    const out = path.resolve(__dirname, '..', '..', 'build', 'reliability.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nReliability figures (seed ${SEED}; replay with RELIABILITY_SEED=${SEED}):\n${JSON.stringify(report, null, 2)}\n`);
  });

  it(`answers ${ENVELOPE_RUNS} generated envelopes as Alexa accepts, throwing nothing and logging no secret`, async () => {
    await fc.assert(
      fc.asyncProperty(envelope, async (generated) => {
        if (generated.token !== undefined) bundle.link(generated.token);
        const invocation = await bundle.invoke(generated.event);
        figures.envelopes += 1;
        const type = (generated.event as { request?: { type?: unknown } } | null)?.request?.type;
        if (typeof type === 'string' && type.startsWith('AlexaSkillEvent.')) figures.skillEvents += 1;
        if (generated.linkedEventToken !== undefined) figures.linkedEventTokens += 1;
        record(invocation);
        check(invocation, secretsOf(generated));
      }),
      { numRuns: ENVELOPE_RUNS, seed: SEED },
    );
  }, timeoutFor(ENVELOPE_RUNS));

  it(`answers well whatever Spotify says, in ${SPOTIFY_RUNS} generated answers, and never repeats the token`, async () => {
    await fc.assert(
      fc.asyncProperty(linkedSpotifyRequest, spotifyAnswer, async (asked, answer) => {
        bundle.link(asked.token);
        const options = { accessToken: asked.token };
        const event = asked.intent === 'LaunchRequest' ? launchRequest(options) : intentRequest(asked.intent, { playlist: asked.spoken }, options);
        bundle.spotify.inject({
          times: Infinity,
          fault: { kind: 'raw', status: answer.status, contentType: answer.contentType, body: answer.body.split('{token}').join(asked.token), headers: answer.headers },
        });
        try {
          const invocation = await bundle.invoke(JSON.parse(JSON.stringify(event)));
          figures.spotifyAnswers += 1;
          record(invocation);
          check(invocation, [asked.token, event.context.System.apiAccessToken ?? '']);
        } finally {
          bundle.spotify.clearFaults();
        }
      }),
      { numRuns: SPOTIFY_RUNS, seed: SEED },
    );
  }, timeoutFor(SPOTIFY_RUNS));

  it('refuses an event that is not an object with a clear error and one log line, never a TypeError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 })), async (event) => {
        const invocation = await bundle.invoke(event);
        figures.nonObjectEvents += 1;
        expect(invocation.thrown).toMatchObject({ name: 'InvalidEventError', message: expect.stringMatching(/not an Alexa request envelope/) });
        expect(invocation.logs.split('\n').filter(Boolean)).toHaveLength(1);
      }),
      { numRuns: 30, seed: SEED },
    );
  });
});
