import { spawnSync } from 'node:child_process';

export type AskResult = { ok: true; stdout: string } | { ok: false; message: string };

const MAX_DETAIL = 400;

/** The ASK CLI's own explanation, on one line: it prints "[Error]: …", sometimes with a JSON body. */
function detail(output: string): string {
  const oneLine = output.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL)}…` : oneLine;
}

/** Runs `ask …args` without a shell (so nothing is re-parsed) and reduces failure to one sentence. */
export function runAsk(args: readonly string[], env: NodeJS.ProcessEnv): AskResult {
  const command = `ask ${args.slice(0, 2).join(' ')}`;
  const result = spawnSync('ask', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT'
        ? 'The ASK CLI is not installed (no `ask` on PATH): run `npm install -g ask-cli`, then `ask configure`, and try again.'
        : `\`${command}\` could not be started (${result.error.message}).`,
    };
  }
  if (result.status !== 0) {
    const why = detail(`${result.stderr ?? ''} ${result.stdout ?? ''}`);
    return { ok: false, message: `\`${command}\` failed with exit code ${String(result.status)}${why === '' ? '.' : `: ${why}`}` };
  }
  return { ok: true, stdout: result.stdout ?? '' };
}
