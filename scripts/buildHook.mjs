// What the ASK CLI's build hook does, for hooks/build.sh and hooks/build.ps1 alike: bundle the
// copy of lambda/ the CLI runs the hook in (its working directory, under .ask/) into one index.js
// and zip it to the path the CLI gave. Usage: node scripts/buildHook.mjs OUT.zip [verbose]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outArg, verboseArg = 'false'] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: hooks/build.sh OUT.zip [verbose]');
  process.exit(2);
}
// build.sh passes "true"/"false", PowerShell "True"/"False".
const verbose = verboseArg.toLowerCase() === 'true';
const out = path.resolve(outArg);
// The CLI's copy of lambda/ when run by `ask deploy`; the project's own lambda/ when run by hand.
const src = existsSync(path.join(process.cwd(), 'index.ts')) ? process.cwd() : path.join(root, 'lambda');

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', verbose ? 'inherit' : 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error(`build hook: ${what} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

// esbuild is a devDependency: install it even where NODE_ENV=production would leave it out.
if (!existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  const npm = process.env.npm_execpath;
  const result = npm && /\.c?js$/.test(npm)
    ? spawnSync(process.execPath, [npm, 'ci', '--include=dev', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('build hook: `npm ci` in the project failed; run it by hand and deploy again.');
    process.exit(1);
  }
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-hook-'));
try {
  const bundle = path.join(stage, 'bundle');
  run([path.join(root, 'scripts', 'build.mjs'), '--entry', path.join(src, 'index.ts'), '--outdir', bundle], 'bundling');
  // Only index.js goes to Lambda: the source map and legal comments stay behind.
  for (const name of ['index.js.map', 'index.LEGAL.txt', 'meta.json']) rmSync(path.join(bundle, name), { force: true });
  await zipDirectory(out, bundle);
  if (verbose) console.log(`build hook: wrote ${out} from ${path.join(src, 'index.ts')}`);
} catch (error) {
  console.error(`build hook: could not write ${out}: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
