// `npm run bench [-- --quick] [-- --out FILE] [-- --build-dir DIR]`: builds the skill, the
// baseline and the bench, then measures. No runner needed: esbuild (already the build tool)
// compiles bench/*.ts. --build-dir (default build/) lets the smoke test build elsewhere, so it
// never rewrites build/lambda/index.js while another test is loading it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const USAGE = `usage: npm run bench [-- --quick] [-- --out FILE] [-- --build-dir DIR]

Builds the skill and a hello-world baseline, then measures cold starts, the warm overhead, the
bundle, memory and the answers when Spotify hangs or says 429, against their targets.

  --quick          a smoke run of seconds: checks that every figure is produced, judges none
  --out FILE       where the figures go as JSON (default build/bench.json)
  --build-dir DIR  where the bundles are built (default build/)
  --help, -h       this help

What each figure means: docs/benchmarks.md`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const WITH_VALUE = ['--out', '--build-dir'];
const unknown = args.find((arg, index) => arg.startsWith('-') && arg !== '--quick' && !WITH_VALUE.includes(arg) && !WITH_VALUE.includes(args[index - 1]));
if (unknown !== undefined) {
  console.error(`unknown option ${unknown}\n${USAGE.split('\n')[0]}   (--help for more)`);
  process.exit(2);
}
const buildDirIndex = args.indexOf('--build-dir');
const buildDir = buildDirIndex >= 0 ? path.resolve(args[buildDirIndex + 1]) : path.join(root, 'build');
const node = (...nodeArgs) => execFileSync(process.execPath, nodeArgs, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

node('scripts/build.mjs', '--outdir', path.join(buildDir, 'lambda'));
// The baseline goes through the same build script: same esbuild options, same aliases.
node('scripts/build.mjs', '--entry', 'bench/baseline/index.ts', '--outdir', path.join(buildDir, 'bench', 'baseline'));
await build({
  entryPoints: ['main', 'coldChild', 'skillWorker'].map((name) => path.join(root, 'bench', `${name}.ts`)),
  outdir: path.join(buildDir, 'bench', 'tools'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: root,
  // The embedded DynamoDB (dynalite loads a native LevelDB) and the AWS SDK load from node_modules, through NODE_PATH below.
  external: ['dynalite', '@aws-sdk/*'],
});

const forwarded = buildDirIndex >= 0 ? args : [...args, '--build-dir', buildDir];
try {
  execFileSync(process.execPath, [path.join(buildDir, 'bench', 'tools', 'main.js'), ...forwarded], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
}
