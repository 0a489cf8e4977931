import { globalCli, pinnedCli, type AskCli } from './cli';
import type { AskOptions } from './options';
import { resolveProfile, type ResolvedProfile } from './profile';

export interface AskSession {
  readonly cli: AskCli;
  readonly profile: ResolvedProfile;
  /** What to pass to every `ask` call so it uses the same profile: `--profile NAME` only when the user named one. */
  readonly profileArgs: readonly string[];
}

/** The ASK CLI to use (pinned unless --use-global-ask) and the profile it will use, said on one line. */
export function openAskSession(root: string, options: AskOptions, env: NodeJS.ProcessEnv, out: (line: string) => void): AskSession {
  const cli = options.useGlobalAsk ? globalCli(env) : pinnedCli(root, env, { out });
  out(`ASK CLI ${cli.version} (${cli.origin === 'pinned' ? 'pinned in tools/ask-cli' : `global, ${cli.packageDir}`}).`);
  const profile = resolveProfile(cli, options.profile, env);
  out(`Using ${profile.fromEnvironment ? 'the environment profile (ASK_* and AWS_* variables)' : `ASK CLI profile "${profile.name}"`}.`);
  return { cli, profile, profileArgs: options.profile !== undefined ? ['--profile', options.profile] : [] };
}
