import { spawnSync } from 'node:child_process';
import { AskCliError, pinnedCli } from './askCli/cli';

// `npm run ask -- ARGS`: the pinned ASK CLI itself (for `configure`, `smapi …`, `dialog`), no global install needed.
try {
  const cli = pinnedCli(process.cwd(), process.env, { out: (line) => console.error(line) });
  const result = spawnSync(cli.command, [...cli.prefixArgs, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} catch (error) {
  if (!(error instanceof AskCliError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
