// Bundles the skill into build/lambda/index.js: one CommonJS file for Node 20+, exporting `handler`.
// Usage: node scripts/build.mjs [--outdir DIR] [--metafile]
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outdirIndex = args.indexOf('--outdir');
const outdir = outdirIndex >= 0 ? path.resolve(args[outdirIndex + 1]) : path.join(root, 'build', 'lambda');
// --entry lets the ASK CLI's build hook bundle the copy of lambda/ it works in.
const entryIndex = args.indexOf('--entry');
const entry = entryIndex >= 0 ? path.resolve(args[entryIndex + 1]) : path.join(root, 'lambda', 'index.ts');

await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: [entry],
  // The copy under .ask/ has no node_modules of its own: resolve packages from the project.
  nodePaths: [path.join(root, 'node_modules')],
  outfile: path.join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'external',
  legalComments: 'external',
  metafile: args.includes('--metafile'),
  logLevel: 'warning',
  absWorkingDir: root,
  // See scripts/shims/nodeFormData.cjs: drops form-data and its 137 KB mime database.
  alias: { 'form-data': path.join(root, 'scripts', 'shims', 'nodeFormData.cjs') },
});
if (result.metafile) {
  await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
}
console.log(`built ${path.relative(process.cwd(), path.join(outdir, 'index.js')) || 'index.js'}`);
