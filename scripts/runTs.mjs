// Runs one of the project's TypeScript entry points (npm start, simulate, validate,
// link:configure) with no compile step to remember: esbuild, already the build tool, bundles the
// entry in a fraction of a second, packages stay external and load from node_modules, and Node
// runs the result. An entry that exports `main(args)` has its resolved number as the exit code.
// Usage: node scripts/runTs.mjs path/to/entry.ts [args...]
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/runTs.mjs path/to/entry.ts [args...]');
  process.exit(2);
}

const cacheDir = path.join(root, 'node_modules', '.cache', 'playlist-pal-scripts');
// One file per process, so that runs started at once (tests spawn several) never share one.
const outfile = path.join(cacheDir, `${path.basename(entry, '.ts')}-${process.pid}.cjs`);
await mkdir(cacheDir, { recursive: true });
await build({
  entryPoints: [path.resolve(root, entry)],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
}).catch(() => {
  // esbuild has printed each error with its file and line; a stack trace would add nothing.
  console.error(`runTs.mjs: ${entry} could not be compiled (esbuild's errors above).`);
  process.exit(1);
});
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], outfile, ...args];
let loaded;
try {
  loaded = createRequire(import.meta.url)(outfile);
} finally {
  // In memory by now; the file was only a vehicle.
  await rm(outfile, { force: true });
}
if (typeof loaded?.main === 'function') process.exitCode = await loaded.main(args);
