// Runs local/start.ts or local/simulate.ts with no compile step to remember: esbuild (already the
// build tool) bundles our TypeScript in a fraction of a second; packages load from node_modules.
// Usage: node scripts/local.mjs start|simulate [args...]
import { build } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'build', 'local');
const [entry, ...args] = process.argv.slice(2);
const entries = { start: 'local/start.ts', simulate: 'local/simulate.ts' };
if (!(entry in entries)) {
  console.error(`usage: node scripts/local.mjs ${Object.keys(entries).join('|')} [args...]`);
  process.exit(2);
}

const result = await build({
  entryPoints: { [entry]: path.join(root, entries[entry]) },
  outdir,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  write: false,
  logLevel: 'warning',
  absWorkingDir: root,
});
await mkdir(outdir, { recursive: true });
// Several runs may build at once (tests spawn them): write aside, then rename, which is atomic.
for (const file of result.outputFiles) {
  const aside = `${file.path}.${process.pid}.tmp`;
  await writeFile(aside, file.contents);
  await rename(aside, file.path);
}
process.setSourceMapsEnabled(true);
const { main } = createRequire(import.meta.url)(path.join(outdir, `${entry}.js`));
process.exitCode = await main(args);
