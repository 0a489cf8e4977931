import { execFileSync } from 'node:child_process';
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
];

/** Keeps `npm run bench` from rotting: the smoke run must finish and write every figure. Times are never asserted. */
describe('npm run bench -- --quick', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every figure as a number, with one keep-alive connection for the whole warm loop, and each scenario’s critical path', () => {
    const out = path.join(dir, 'bench.json');
    const table = execFileSync(process.execPath, ['bench/run.mjs', '--quick', '--build-dir', dir, '--out', out], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

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
  }, 60_000);
});
