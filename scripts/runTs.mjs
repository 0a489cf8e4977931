// Runs one of the TypeScript command-line scripts without a compile step: esbuild bundles the
// entry into a cache folder inside node_modules, leaving packages external so they resolve from
// there, and Node runs the result. Usage: node scripts/runTs.mjs scripts/SCRIPT.ts [args]
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/runTs.mjs scripts/SCRIPT.ts [args]');
  process.exit(2);
}

const cacheDir = path.join(root, 'node_modules', '.cache', 'playlist-pal-scripts');
const outfile = path.join(cacheDir, `${path.basename(entry, '.ts')}-${process.pid}.cjs`);
await mkdir(cacheDir, { recursive: true });
await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
});
process.argv = [process.argv[0], outfile, ...args];
try {
  createRequire(import.meta.url)(outfile);
} finally {
  // Loaded into memory by now; the file is only a vehicle (one per process, so parallel runs don't clash).
  await rm(outfile, { force: true });
}
