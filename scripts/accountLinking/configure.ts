import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCOUNT_LINKING_TEMPLATE } from '../skillPackage/accountLinkingRules';
import { ASK_STATES, readSkillIds } from '../skillPackage/askStates';
import { AskCliError, runAsk, type AskCli, type AskResult } from '../askCli/cli';
import { optionsOrExitCode } from '../askCli/options';
import { openAskSession } from '../askCli/session';
import { fillTemplate, maskSecrets, type AccountLinkingRequest } from './request';

/** Account linking is configured on the development stage; certification copies it to live. */
const STAGE = 'development';

export const LINK_CONFIGURE_USAGE = `Usage: npm run link:configure [-- --profile NAME] [-- --use-global-ask]

Fills account-linking/spotify.template.json from SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET,
sends it for the skill \`npm run deploy\` created with the same ASK CLI profile (development
stage), and prints the Alexa redirect URLs to add to your Spotify app. The secret is never
printed and reaches the ASK CLI only in a private temporary file.

  --profile NAME     the ASK CLI profile (as for npm run deploy); without it the CLI picks the
                     environment profile, then ASK_DEFAULT_PROFILE, then "default"
  --use-global-ask   use the \`ask\` on PATH instead of the pinned CLI (tools/ask-cli)
  --help             this text

See docs/account-linking.md.`;

export interface AskConnection {
  readonly cli: AskCli;
  readonly profile: string;
  readonly profileArgs: readonly string[];
}

export interface ConfigureOptions {
  /** The project root: where account-linking/ and .ask/ are. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /**
   * The ASK CLI to call and the profile it resolves (see scripts/askCli/session.ts), opened only
   * once the credentials are known to be there: a missing variable costs no install.
   */
  readonly openAsk: () => AskConnection;
}

class Stop extends Error {}

function readTemplate(root: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(root, ACCOUNT_LINKING_TEMPLATE), 'utf8')) as unknown;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is not valid JSON';
    throw new Stop(`${ACCOUNT_LINKING_TEMPLATE} ${reason}; restore it from git and run \`npm run validate\`.`);
  }
}

function skillIdFor(root: string, profile: string): string {
  const ids = readSkillIds(root);
  if (!ids.ok) throw new Stop(`${ids.problem.file} ${ids.problem.message}`);
  const skillId = ids.value.get(profile);
  if (skillId === undefined) {
    throw new Stop(`No skill id for ASK profile "${profile}" in ${ASK_STATES}: run \`npm run deploy\` with the same profile first; it creates the skill and records its id there.`);
  }
  return skillId;
}

/** Hands the body to the ASK CLI in a private temporary file, so the secret never appears in a process list. */
function sendRequest(ask: AskConnection, body: AccountLinkingRequest, skillId: string, env: NodeJS.ProcessEnv): AskResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-linking-'));
  const file = path.join(dir, 'account-linking.json');
  try {
    writeFileSync(file, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
    return runAsk(
      ask.cli,
      ['smapi', 'update-account-linking-info', '--skill-id', skillId, '--stage', STAGE, '--account-linking-request', `file:${file}`, ...ask.profileArgs],
      env,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI gets the secret in the request file only; a copy in its environment would be one more place to leak from. */
function withoutClientSecret(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SPOTIFY_CLIENT_SECRET: _secret, ...rest } = env;
  return rest;
}

function redirectUrls(stdout: string): string[] {
  try {
    const urls = (JSON.parse(stdout) as { accountLinkingResponse?: { redirectUrls?: unknown } }).accountLinkingResponse?.redirectUrls;
    return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * `npm run link:configure`: fills the account-linking template from SPOTIFY_CLIENT_ID and
 * SPOTIFY_CLIENT_SECRET, sends it for the skill `npm run deploy` created, and prints the Alexa
 * redirect URLs to register in the Spotify app. Returns the exit code; every failure is one
 * sentence on stderr.
 */
export function configureAccountLinking({ root, env, out, err, openAsk }: ConfigureOptions): number {
  let secrets: readonly string[] = [];
  const fail = (message: string): number => {
    err(maskSecrets(message, secrets));
    return 1;
  };
  try {
    const filled = fillTemplate(readTemplate(root), env, ACCOUNT_LINKING_TEMPLATE);
    if (!filled.ok) return fail(filled.message);
    secrets = filled.secrets;
    const ask = openAsk();
    const skillId = skillIdFor(root, ask.profile);

    out(`Account linking for skill ${skillId} (${STAGE} stage), as it will be sent:`);
    out(maskSecrets(JSON.stringify(filled.body, null, 2), secrets));
    const askEnv = withoutClientSecret(env);
    const sent = sendRequest(ask, filled.body, skillId, askEnv);
    if (!sent.ok) return fail(sent.message);
    out('Alexa accepted the account-linking settings.');

    const read = runAsk(ask.cli, ['smapi', 'get-account-linking-info', '--skill-id', skillId, '--stage', STAGE, ...ask.profileArgs], askEnv);
    if (!read.ok) return fail(`The settings were saved, but reading back the redirect URLs failed: ${read.message}`);
    const urls = redirectUrls(read.stdout);
    if (urls.length === 0) {
      out('Alexa returned no redirect URLs; copy them from the Account Linking page of the developer console into your Spotify app.');
    } else {
      out('Add these Redirect URIs to your Spotify app (developer.spotify.com/dashboard → your app → Settings), then save:');
      for (const url of urls) out(`  ${url}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof Stop || error instanceof AskCliError) return fail(error.message);
    return fail(`Account linking was not configured: ${(error as Error).message}`);
  }
}

/** `npm run link:configure -- …`: options, the ASK CLI (pinned, installed on first use) and its profile, then the above. */
export function linkConfigure({ root, args, env, out, err }: Omit<ConfigureOptions, 'openAsk'> & { readonly args: readonly string[] }): number {
  const options = optionsOrExitCode(args, LINK_CONFIGURE_USAGE, { ignoreHash: false }, out, err);
  if (typeof options === 'number') return options;
  const openAsk = (): AskConnection => {
    // The secret stays out of the CLI's environment from the very first call (profile resolution).
    const session = openAskSession(root, options, withoutClientSecret(env), out);
    return { cli: session.cli, profile: session.profile.name, profileArgs: session.profileArgs };
  };
  return configureAccountLinking({ root, env, out, err, openAsk });
}
