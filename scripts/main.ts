import path from 'node:path';

/*
 * Runs a TypeScript entry point that exports `main(args)` (local/start.ts, local/simulate.ts) under
 * tsx and exits with the number it resolves to, so the entry stays importable by tests.
 * Usage: tsx scripts/main.ts path/to/entry.ts [args...]
 */
const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  console.error('usage: tsx scripts/main.ts path/to/entry.ts [args...]');
  process.exit(2);
}
// The entry sees only its own arguments, as when it is run by itself.
process.argv = [process.argv[0]!, path.resolve(entry), ...args];
void import(path.resolve(entry)).then(async (loaded: { main?: (argv: readonly string[]) => Promise<number> | number }) => {
  if (typeof loaded.main === 'function') process.exitCode = await loaded.main(args);
});
