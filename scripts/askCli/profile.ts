import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AskCliError, type AskCli } from './cli';

/** The name the ASK CLI gives the profile made of environment variables (the usual CI set-up). */
export const ENVIRONMENT_PROFILE = '__ENVIRONMENT_ASK_PROFILE__';

export interface ResolvedProfile {
  /** The profile `ask deploy` and `ask smapi` will use, as the CLI itself resolves it. */
  readonly name: string;
  /** True when the credentials come from ASK_REFRESH_TOKEN/ASK_ACCESS_TOKEN, ASK_VENDOR_ID and the AWS keys. */
  readonly fromEnvironment: boolean;
}

/*
 * Asks the installed CLI's own profile-helper, in a child process with the user's environment:
 * `--profile NAME` first, then the environment profile (when all its variables are set), then
 * ASK_DEFAULT_PROFILE, then "default", exactly as `ask deploy` and `ask smapi` will decide.
 */
const RESOLVE = `
const helper = require(process.argv[1]);
const requested = process.argv[2] || undefined;
let answer;
try {
  answer = { name: helper.runtimeProfile(requested) };
} catch (error) {
  answer = { error: String(error && error.message ? error.message : error), code: error && error.code };
}
process.stdout.write(JSON.stringify(answer));
`;

const SETUP = 'run `npm run ask -- configure` once (it opens a browser to sign in to your Amazon developer account and asks for an AWS profile), or set ASK_REFRESH_TOKEN, ASK_VENDOR_ID, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for the environment profile';

export function resolveProfile(cli: AskCli, requested: string | undefined, env: NodeJS.ProcessEnv): ResolvedProfile {
  const helper = path.join(cli.packageDir, 'dist', 'lib', 'utils', 'profile-helper.js');
  const result = spawnSync(process.execPath, ['-e', RESOLVE, helper, requested ?? ''], { env, encoding: 'utf8' });
  let answer: { name?: string; error?: string; code?: string };
  try {
    answer = JSON.parse(result.stdout) as typeof answer;
  } catch {
    throw new AskCliError(`The ASK CLI ${cli.version} could not tell which profile to use (${(result.stderr || 'no answer').trim().split('\n')[0]}).`);
  }
  if (answer.name !== undefined) return { name: answer.name, fromEnvironment: answer.name === ENVIRONMENT_PROFILE };
  const wanted = requested ?? (env.ASK_DEFAULT_PROFILE?.trim() || 'default');
  if (answer.code === 'ENOENT') {
    throw new AskCliError(`The ASK CLI has no profiles on this machine yet (no ~/.ask/cli_config): ${SETUP}.`);
  }
  if (/doesn't exist/.test(answer.error ?? '')) {
    throw new AskCliError(`The ASK CLI has no profile "${wanted}": run \`npm run ask -- configure --profile ${wanted}\`, or pick another with --profile NAME or ASK_DEFAULT_PROFILE.`);
  }
  throw new AskCliError(`The ASK CLI could not resolve profile "${wanted}": ${answer.error ?? 'no reason given'}.`);
}
