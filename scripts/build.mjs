// Bundles the skill into build/lambda/index.js: one CommonJS file for Node 20+, exporting `handler`.
// Usage: node scripts/build.mjs [--entry FILE.ts] [--outdir DIR] [--metafile]
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** The path after `name`, resolved; `fallback` when the option is absent. */
function pathOption(name, fallback) {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`build.mjs: ${name} needs a path after it.`);
    process.exit(2);
  }
  return path.resolve(value);
}
const outdir = pathOption('--outdir', path.join(root, 'build', 'lambda'));
// --entry lets the ASK CLI's build hook bundle the copy of lambda/ it works in.
const entry = pathOption('--entry', path.join(root, 'lambda', 'index.ts'));

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
  // The AWS SDK v3 (550 KB bundled, more than the whole skill) comes with Lambda's Node.js
  // runtime, as it does with any node_modules beside the bundle; lambda/persistence/ loads it
  // on the first table call only. See docs/persistence.md.
  external: ['@aws-sdk/*'],
  // ...through require(), not Node's ESM loader: the lazy import() in the source stays lazy.
  supported: { 'dynamic-import': false },
}).catch(() => {
  // esbuild has printed each error with its file and line; a stack trace would add nothing.
  console.error(`build.mjs: ${path.relative(process.cwd(), entry)} was not bundled (esbuild's errors above).`);
  process.exit(1);
});
if (result.metafile) {
  await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
}
console.log(`built ${path.relative(process.cwd(), path.join(outdir, 'index.js')) || 'index.js'}`);
