import { spawnSync } from 'node:child_process';
import { formatProblem } from '../skillPackage/problem';
import { validateProject } from '../skillPackage/validateProject';
import { readSkillIds } from '../skillPackage/askStates';
import { AskCliError } from '../askCli/cli';
import { optionsOrExitCode } from '../askCli/options';
import { openAskSession } from '../askCli/session';
import { prepareStage, rememberDeployedManifest, StageError, STAGE_DIR } from './stage';

export const DEPLOY_USAGE = `Usage: npm run deploy [-- --profile NAME] [-- --use-global-ask] [-- --ignore-hash]

Validates the project offline, then runs \`ask deploy\` (the ASK CLI the project pins in
tools/ask-cli, installed on first use) from a staging copy in ${STAGE_DIR}, so the
deploy never changes a tracked file. It creates or updates the skill, uploads the code and
deploys infrastructure/cfn-deployer/skill-stack.yaml (Lambda, role, DynamoDB table).

  --profile NAME     the ASK CLI profile to deploy with; without it the CLI picks the
                     environment profile (ASK_REFRESH_TOKEN or ASK_ACCESS_TOKEN, ASK_VENDOR_ID,
                     AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), then ASK_DEFAULT_PROFILE,
                     then "default"
  --use-global-ask   use the \`ask\` on PATH instead of the pinned CLI
  --ignore-hash      upload the skill package even if it has not changed
  --help             this text

Set up a profile once with \`npm run ask -- configure\`. See docs/deploying.md.`;

export interface DeployOptions {
  readonly root: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** `npm run deploy`: returns the exit code; every failure of its own is one sentence on stderr. */
export function deploy({ root, args, env, out, err }: DeployOptions): number {
  const options = optionsOrExitCode(args, DEPLOY_USAGE, { ignoreHash: true }, out, err);
  if (typeof options === 'number') return options;
  const { problems, checked } = validateProject(root);
  if (problems.length > 0) {
    for (const found of problems) err(formatProblem(found));
    err(`${problems.length} problem${problems.length === 1 ? '' : 's'} found by \`npm run validate\`; nothing was deployed.`);
    return 1;
  }
  out(`Project OK (${checked.length} files checked).`);
  try {
    const session = openAskSession(root, options, env, out);
    const stage = prepareStage(root, session.profile.name);
    for (const note of stage.notes) out(note);
    const deployArgs = ['deploy', ...session.profileArgs, ...(options.ignoreHash ? ['--ignore-hash'] : [])];
    // The hook runs in the staging copy; PLAYLIST_PAL_ROOT tells it where the build scripts and node_modules are.
    const result = spawnSync(session.cli.command, [...session.cli.prefixArgs, ...deployArgs], {
      cwd: stage.dir,
      env: { ...env, PLAYLIST_PAL_ROOT: root },
      stdio: 'inherit',
    });
    if (result.error !== undefined) {
      err(`\`ask deploy\` could not be started (${result.error.message}).`);
      return 1;
    }
    if (result.status !== 0) {
      err(`\`ask deploy\` failed (exit code ${String(result.status ?? result.signal)}); the ASK CLI's messages are above. No tracked file was changed.`);
      return 1;
    }
    rememberDeployedManifest(stage.dir, session.profile.name);
    const ids = readSkillIds(root);
    const skillId = ids.ok ? ids.value.get(session.profile.name) : undefined;
    out(`Deployed${skillId === undefined ? '' : ` skill ${skillId}`} (state in ${STAGE_DIR}/.ask/, git-ignored). Next: \`npm run link:configure${session.profileArgs.length > 0 ? ` -- ${session.profileArgs.join(' ')}` : ''}\`.`);
    return 0;
  } catch (error) {
    if (error instanceof AskCliError || error instanceof StageError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}
