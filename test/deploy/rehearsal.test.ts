import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { rehearseDeploy } from '../../scripts/rehearsal/rehearse';

const root = path.resolve(__dirname, '..', '..');

// The pinned ASK CLI is installed once (tools/ask-cli/node_modules, git-ignored, kept between runs);
// the deploys themselves take well under a minute.
jest.setTimeout(600_000);

describe('npm run deploy:rehearse', () => {
  it('deploys a fresh copy with the real pinned ASK CLI to loopback stand-ins, for every profile case, and every check holds', async () => {
    const lines: string[] = [];

    const result = await rehearseDeploy({ root, out: (line) => lines.push(line) });

    // The whole transcript on failure: which step, what the CLI printed.
    expect({ failures: result.failures, transcript: result.failures.length > 0 ? lines : [] }).toEqual({ failures: [], transcript: [] });
    expect(result.passed).toBeGreaterThan(100);
    process.stdout.write(`deploy rehearsal: ${result.passed} checks passed in ${result.seconds.toFixed(1)} s\n`);
  });

  it('prints its usage for --help and exits 0 without deploying anything', () => {
    const help = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts', 'rehearseDeploy.ts'), '--help'], { cwd: root, encoding: 'utf8' });

    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run deploy:rehearse/);
  });
});
