// `npm run bench [-- --quick] [-- --out FILE]`: builds the skill, the baseline and the bench,
// then measures. No runner needed: esbuild (already the build tool) compiles bench/*.ts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = (...args) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

node('scripts/build.mjs');
// The baseline goes through the same build script: same esbuild options, same aliases.
node('scripts/build.mjs', '--entry', 'bench/baseline/index.ts', '--outdir', 'build/bench/baseline');
await build({
  entryPoints: ['main', 'coldChild', 'skillWorker'].map((name) => path.join(root, 'bench', `${name}.ts`)),
  outdir: path.join(root, 'build', 'bench', 'tools'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: root,
});

try {
  execFileSync(process.execPath, [path.join(root, 'build', 'bench', 'tools', 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
}
