import { MOST_CONNECTIONS, type CriticalPathFigures } from './criticalPath';

/** The figures `npm run bench` writes to build/bench.json; docs/benchmarks.md explains each. */
export interface BenchFigures {
  readonly coldStartMs: number;
  readonly baselineColdStartMs: number;
  readonly coldStartRatio: number;
  readonly bundleBytes: number;
  readonly baselineBundleBytes: number;
  readonly warmOverheadP50Ms: number;
  readonly warmOverheadP99Ms: number;
  readonly connectionsOpened: number;
  readonly heapUsedBytes: number;
  readonly hungSpotifyAnswerMs: number;
  readonly rateLimitedAnswerMs: number;
  readonly hostileSlotAnswerMs: number;
  readonly hostileDescriptionAnswerMs: number;
  readonly criticalPath: CriticalPathFigures;
}

export type BenchReport = BenchFigures & Record<string, unknown>;

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
}

const KB = 1024;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const kb = (value: number) => `${(value / KB).toFixed(1)} KB`;
const mb = (value: number) => `${(value / KB / KB).toFixed(1)} MB`;

/** The bundle target: under 400 KB, as the issue counts them (KiB). */
export const BUNDLE_TARGET_BYTES = 400 * KB;

function rows(report: BenchReport): Row[] {
  const number = (key: string) => report[key] as number;
  return [
    { figure: 'cold start, unlinked launch (coldStartMs)', value: ms(report.coldStartMs) },
    { figure: '  baseline hello-world (baselineColdStartMs)', value: ms(report.baselineColdStartMs) },
    { figure: '  ratio (coldStartRatio)', value: report.coldStartRatio.toFixed(2), target: '<= 1.2', met: report.coldStartRatio <= 1.2 },
    { figure: '  without Node start-up: skill / baseline', value: `${ms(number('coldStartInProcessMs'))} / ${ms(number('baselineColdStartInProcessMs'))}` },
    { figure: '  ratio without Node start-up', value: number('coldStartInProcessRatio').toFixed(2) },
    { figure: 'cold start, linked list (coldStartLinkedMs)', value: ms(number('coldStartLinkedMs')) },
    { figure: '  baseline, same call (baselineColdStartLinkedMs)', value: ms(number('baselineColdStartLinkedMs')) },
    { figure: '  ratio (coldStartLinkedRatio)', value: number('coldStartLinkedRatio').toFixed(2) },
    { figure: '  without Node start-up: skill / baseline', value: `${ms(number('coldStartLinkedInProcessMs'))} / ${ms(number('baselineColdStartLinkedInProcessMs'))}` },
    { figure: '  ratio without Node start-up', value: number('coldStartLinkedInProcessRatio').toFixed(2) },
    { figure: 'cold start with a table, linked list (coldStartPersistentMs)', value: ms(number('coldStartPersistentMs')) },
    { figure: '  ratio to the same list without a table', value: number('coldStartPersistentRatio').toFixed(2) },
    { figure: '  without Node start-up', value: ms(number('coldStartPersistentInProcessMs')) },
    { figure: '  unlinked launch with a table (coldStartPersistentUnlinkedMs)', value: ms(number('coldStartPersistentUnlinkedMs')) },
    { figure: '  ratio to the same launch without a table', value: number('coldStartPersistentUnlinkedRatio').toFixed(2) },
    { figure: '  "play it again" (coldStartPlayAgainMs)', value: ms(number('coldStartPlayAgainMs')) },
    { figure: 'bundle (bundleBytes)', value: `${kb(report.bundleBytes)}, ${kb(number('bundleGzipBytes'))} gzipped`, target: '< 400 KB', met: report.bundleBytes < BUNDLE_TARGET_BYTES },
    { figure: '  baseline (baselineBundleBytes)', value: `${kb(report.baselineBundleBytes)}, ${kb(number('baselineBundleGzipBytes'))} gzipped` },
    { figure: 'warm overhead p50 (warmOverheadP50Ms)', value: ms(report.warmOverheadP50Ms) },
    { figure: 'warm overhead p99 (warmOverheadP99Ms)', value: ms(report.warmOverheadP99Ms), target: '<= 1 ms', met: report.warmOverheadP99Ms <= 1 },
    { figure: '  skill p50 / direct call p50', value: `${ms(number('warmSkillP50Ms'))} / ${ms(number('warmDirectP50Ms'))}` },
    { figure: '  direct call alone, p99 (machine noise)', value: ms(number('warmDirectP99Ms')) },
    { figure: '  in CPU time, p50 / p99 (warmOverheadCpuP..Ms)', value: `${ms(number('warmOverheadCpuP50Ms'))} / ${ms(number('warmOverheadCpuP99Ms'))}` },
    { figure: 'connections opened (connectionsOpened)', value: String(report.connectionsOpened), target: '1', met: report.connectionsOpened === 1 },
    { figure: 'heap used after warm loop, after GC (heapUsedBytes)', value: mb(report.heapUsedBytes) },
    { figure: '  RSS (rssBytes)', value: mb(number('rssBytes')) },
    { figure: 'Spotify hangs: answer (hungSpotifyAnswerMs)', value: ms(report.hungSpotifyAnswerMs), target: '< 6500 ms', met: report.hungSpotifyAnswerMs < 6500 },
    { figure: 'Spotify 429, Retry-After 30 (rateLimitedAnswerMs)', value: ms(report.rateLimitedAnswerMs) },
    { figure: '250 KB spoken name, 300 playlists (hostileSlotAnswerMs)', value: ms(report.hostileSlotAnswerMs), target: '<= 50 ms', met: report.hostileSlotAnswerMs <= 50 },
    { figure: '60,000-char description (hostileDescriptionAnswerMs)', value: ms(report.hostileDescriptionAnswerMs), target: '<= 50 ms', met: report.hostileDescriptionAnswerMs <= 50 },
    ...criticalPathRows(report.criticalPath),
  ];
}

/** Within half a round trip of what the calls' dependencies allow. */
const ROUND_TRIP_SLACK = 0.5;

function criticalPathRows(figures: CriticalPathFigures): Row[] {
  return [
    { figure: `critical path (criticalPath), Spotify ${figures.delayMs} ms away`, value: 'round trips (calls in a row), requests' },
    ...figures.rows.map((row) => ({
      figure: `  ${row.library} playlists: ${row.scenario}`,
      value: `${row.roundTrips.toFixed(2)} (${row.sequentialCalls}), ${row.requests}`,
      target: `<= ${row.floor + ROUND_TRIP_SLACK} (floor ${row.floor})`,
      met: row.roundTrips <= row.floor + ROUND_TRIP_SLACK,
    })),
    {
      figure: '  connections opened over every run',
      value: String(figures.connectionsOpened),
      target: `<= ${MOST_CONNECTIONS}`,
      met: figures.connectionsOpened <= MOST_CONNECTIONS,
    },
  ];
}

/**
 * The report as a plain-text table with each target and whether it was met. A quick run's
 * figures come from a handful of samples under shortened budgets, so they are shown against
 * their targets but not judged.
 */
export function formatTable(report: BenchReport): string {
  const all = rows(report);
  const judged = report.quick !== true;
  const header: Row = { figure: 'figure', value: 'measured', target: 'target' };
  const widths = [Math.max(...[header, ...all].map((row) => row.figure.length)), Math.max(...[header, ...all].map((row) => row.value.length))];
  const line = (row: Row, mark = '') => `${row.figure.padEnd(widths[0]!)}  ${row.value.padEnd(widths[1]!)}  ${row.target ?? ''}${mark}`.trimEnd();
  const mark = (row: Row) => {
    if (row.met === undefined) return '';
    if (!judged) return '  not judged';
    return row.met ? '  met' : '  MISSED';
  };
  return [line(header), '-'.repeat(widths[0]! + widths[1]! + 22), ...all.map((row) => line(row, mark(row)))].join('\n');
}
