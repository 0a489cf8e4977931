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

  it('writes every figure as a number, with one keep-alive connection for the whole warm loop', () => {
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
  }, 60_000);
});
