import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureColdStarts } from './coldStart';
import { measureCriticalPaths } from './criticalPath';
import { measureHostileInput } from './hostileInput';
import { formatTable, type BenchReport } from './report';
import { ratio, round } from './stats';
import { measureWarm } from './warm';
import { measureWorstCases } from './worstCase';

/*
 * `npm run bench` (bench/run.mjs builds everything, then runs this). `--quick` is a smoke run
 * that checks the machinery, not the numbers; `--out FILE` writes somewhere else than
 * build/bench.json; `--build-dir DIR` is where run.mjs put the bundles. Paths are relative to
 * the project root, where npm runs it.
 */
// The issue measured Spotify's distance as 150 ms a request; the quick run only needs one that is felt.
const FULL = { coldRounds: 20, warmUp: 200, warmRequests: 2000, hungRuns: 3, rateLimitedRuns: 5, hostileRuns: 9, worstCaseEnv: {}, criticalPath: { delayMs: 150, runs: 5 } };
// Short budgets keep the smoke run to seconds; the full run uses the skill's real defaults.
const QUICK = {
  coldRounds: 2,
  warmUp: 5,
  warmRequests: 20,
  hungRuns: 1,
  rateLimitedRuns: 1,
  hostileRuns: 1,
  worstCaseEnv: { SPOTIFY_TIMEOUT_MS: '200', REQUEST_BUDGET_MS: '600' },
  criticalPath: { delayMs: 50, runs: 1 },
};

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const quick = args.includes('--quick');
const buildDir = path.resolve(option('--build-dir') ?? 'build');
const out = path.resolve(option('--out') ?? path.join('build', 'bench.json'));
const settings = quick ? QUICK : FULL;

const paths = {
  skill: path.join(buildDir, 'lambda', 'index.js'),
  baseline: path.join(buildDir, 'bench', 'baseline', 'index.js'),
  coldChild: path.join(buildDir, 'bench', 'tools', 'coldChild.js'),
  worker: path.join(buildDir, 'bench', 'tools', 'skillWorker.js'),
};

function sizes(file: string): { bytes: number; gzipBytes: number } {
  const content = readFileSync(file);
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const skillBundle = sizes(paths.skill);
  const baselineBundle = sizes(paths.baseline);

  progress(`cold starts: ${settings.coldRounds} fresh processes for each of 7 variants`);
  const cold = await measureColdStarts(paths, settings.coldRounds);
  progress(`warm loop: ${settings.warmRequests} linked list requests (after ${settings.warmUp} to warm up), each paired with a direct call`);
  const warm = await measureWarm(paths, settings.warmUp, settings.warmRequests);
  progress(`worst cases: Spotify hangs (${settings.hungRuns} runs), Spotify answers 429 (${settings.rateLimitedRuns} runs)`);
  const worst = await measureWorstCases(paths, { hungRuns: settings.hungRuns, rateLimitedRuns: settings.rateLimitedRuns, env: settings.worstCaseEnv });
  progress(`hostile input: a 250 KB spoken name against 300 playlists, a 60,000-character description (${settings.hostileRuns} runs each)`);
  const hostile = await measureHostileInput(paths, settings.hostileRuns);
  progress(`critical paths: every answer from Spotify ${settings.criticalPath.delayMs} ms late, ${settings.criticalPath.runs} runs of each scenario`);
  const criticalPath = await measureCriticalPaths(paths, settings.criticalPath);

  const report: BenchReport = {
    // A fresh process's time to its first answer, Node's own start included: what a cold start is.
    coldStartMs: round(cold.skillUnlinked.fromProcessStartMs),
    baselineColdStartMs: round(cold.baselineUnlinked.fromProcessStartMs),
    coldStartRatio: ratio(cold.skillUnlinked.fromProcessStartMs, cold.baselineUnlinked.fromProcessStartMs),
    bundleBytes: skillBundle.bytes,
    baselineBundleBytes: baselineBundle.bytes,
    warmOverheadP50Ms: round(warm.overheadP50Ms, 3),
    warmOverheadP99Ms: round(warm.overheadP99Ms, 3),
    connectionsOpened: warm.connectionsOpened,
    heapUsedBytes: warm.heapUsedBytes,
    hungSpotifyAnswerMs: round(worst.hungSpotifyAnswerMs),
    rateLimitedAnswerMs: round(worst.rateLimitedAnswerMs),
    hostileSlotAnswerMs: round(hostile.hostileSlotAnswerMs, 1),
    hostileDescriptionAnswerMs: round(hostile.hostileDescriptionAnswerMs, 1),
    criticalPath,
    // Extras: the linked cold start, counted the same way, and what the headline figures are made of.
    coldStartLinkedMs: round(cold.skillLinked.fromProcessStartMs),
    baselineColdStartLinkedMs: round(cold.baselineLinked.fromProcessStartMs),
    coldStartLinkedRatio: ratio(cold.skillLinked.fromProcessStartMs, cold.baselineLinked.fromProcessStartMs),
    // With a listener table configured: the linked list (the AWS SDK is loaded for the read beside Spotify), compared
    // with the same list without a table; the unlinked launch (which must not load the SDK); "play it again".
    coldStartPersistentMs: round(cold.persistentLinked.fromProcessStartMs),
    coldStartPersistentRatio: ratio(cold.persistentLinked.fromProcessStartMs, cold.skillLinked.fromProcessStartMs),
    coldStartPersistentUnlinkedMs: round(cold.persistentUnlinked.fromProcessStartMs),
    coldStartPersistentUnlinkedRatio: ratio(cold.persistentUnlinked.fromProcessStartMs, cold.skillUnlinked.fromProcessStartMs),
    coldStartPlayAgainMs: round(cold.persistentPlayAgain.fromProcessStartMs),
    coldStartPersistentInProcessMs: round(cold.persistentLinked.inProcessMs),
    coldStartPersistentUnlinkedInProcessMs: round(cold.persistentUnlinked.inProcessMs),
    // The stricter view: only loading the bundle and answering, Node's start-up left out.
    coldStartInProcessMs: round(cold.skillUnlinked.inProcessMs),
    baselineColdStartInProcessMs: round(cold.baselineUnlinked.inProcessMs),
    coldStartInProcessRatio: ratio(cold.skillUnlinked.inProcessMs, cold.baselineUnlinked.inProcessMs),
    coldStartLinkedInProcessMs: round(cold.skillLinked.inProcessMs),
    baselineColdStartLinkedInProcessMs: round(cold.baselineLinked.inProcessMs),
    coldStartLinkedInProcessRatio: ratio(cold.skillLinked.inProcessMs, cold.baselineLinked.inProcessMs),
    coldStartLoadMs: round(cold.skillUnlinked.loadMs),
    baselineColdStartLoadMs: round(cold.baselineUnlinked.loadMs),
    coldStartProcesses: cold.processesPerVariant,
    bundleGzipBytes: skillBundle.gzipBytes,
    baselineBundleGzipBytes: baselineBundle.gzipBytes,
    warmRequests: warm.requests,
    warmSkillP50Ms: round(warm.skillP50Ms, 3),
    warmDirectP50Ms: round(warm.directP50Ms, 3),
    warmDirectP99Ms: round(warm.directP99Ms, 3),
    warmOverheadCpuP50Ms: round(warm.overheadCpuP50Ms, 3),
    warmOverheadCpuP99Ms: round(warm.overheadCpuP99Ms, 3),
    heapUsedBeforeGcBytes: warm.heapUsedBeforeGcBytes,
    rssBytes: warm.rssBytes,
    hungSpotifyRuns: worst.hungRuns,
    rateLimitedRuns: worst.rateLimitedRuns,
    hostileRuns: hostile.hostileRuns,
    worstCaseEnv: settings.worstCaseEnv,
    quick,
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage1m: round(os.loadavg()[0] ?? 0) },
    durationS: round((Date.now() - started) / 1000, 1),
  };

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(report)}\n\n`);
  progress(`wrote ${path.relative(process.cwd(), out) || out} in ${report.durationS} s${quick ? ' (quick smoke run: too few samples under shortened budgets, so no figure is judged against its target)' : ''}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
