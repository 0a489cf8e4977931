// `npm run test:reliability`: builds the bundle, then runs the reliability properties over it
// with RELIABILITY_RUNS envelopes (10,000 unless set) and RELIABILITY_SEED (fixed unless set).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(args, env = process.env) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([path.join(root, 'scripts', 'build.mjs')]);
run([require.resolve('jest/bin/jest'), 'test/reliability', '--coverage=false'], {
  ...process.env,
  RELIABILITY_RUNS: process.env.RELIABILITY_RUNS ?? '10000',
});
