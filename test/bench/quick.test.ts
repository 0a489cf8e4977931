import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const REQUIRED_KEYS = [
  'coldStartMs',
  'baselineColdStartMs',
  'coldStartRatio',
  'bundleBytes',
  'baselineBundleBytes',
  'warmOverheadP50Ms',
  'warmOverheadP99Ms',
  'connectionsOpened',
  'heapUsedBytes',
  'hungSpotifyAnswerMs',
  'rateLimitedAnswerMs',
  'coldStartPersistentMs',
  'coldStartPersistentUnlinkedMs',
  'coldStartPlayAgainMs',
  'hostileSlotAnswerMs',
  'hostileDescriptionAnswerMs',
];

/** Keeps `npm run bench` from rotting: the smoke run must finish and write every figure. Times are never asserted. */
describe('npm run bench -- --quick', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every figure as a number, with one keep-alive connection for the whole warm loop, and each scenario’s critical path, and judges none of them', () => {
    const out = path.join(dir, 'bench.json');
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--build-dir', dir, '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const table = run.stdout;

    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    for (const key of REQUIRED_KEYS) {
      expect({ key, type: typeof report[key], finite: Number.isFinite(report[key]) }).toEqual({ key, type: 'number', finite: true });
      expect(table).toContain(`(${key})`);
    }
    expect(report.quick).toBe(true);
    expect(report.connectionsOpened).toBe(1);
    const criticalPath = report.criticalPath as { rows: Array<Record<string, unknown>>; connectionsOpened: number };
    expect(criticalPath.rows.map((row) => row.library)).toEqual([...Array(9).fill(30), ...Array(9).fill(300)]);
    for (const row of criticalPath.rows) {
      expect(row).toEqual({ scenario: expect.any(String), library: expect.any(Number), roundTrips: expect.any(Number), floor: expect.any(Number), requests: expect.any(Number), sequentialCalls: expect.any(Number) });
    }
    expect(table).toContain('(criticalPath)');
    // A handful of samples under shortened budgets: shown against their targets, never met or MISSED.
    expect(table).toMatch(/\(coldStartRatio\) +\S+ +<= 1\.2 +not judged$/m);
    expect(table).not.toMatch(/ (met|MISSED)$/m);
    expect(run.stderr.trimEnd().split('\n').pop()).toMatch(/\(quick smoke run: .*no figure is judged against its target\)$/);
  }, 60_000);
});
