import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The small package of its own that pins the ASK CLI for the project's scripts (never installed by the main `npm ci`). */
export const PINNED_CLI_DIR = path.join('tools', 'ask-cli');

/** How to start one ASK CLI: `command ...prefixArgs ...args`, never through a shell. */
export interface AskCli {
  readonly command: string;
  readonly prefixArgs: readonly string[];
  /** The installed ask-cli package: its profile resolution is asked, so the scripts and the CLI never disagree. */
  readonly packageDir: string;
  readonly version: string;
  /** "pinned" (tools/ask-cli) or "global" (the `ask` on PATH, only when asked for). */
  readonly origin: 'pinned' | 'global';
}

/** A failure the user can act on, said in one sentence; the scripts print it and exit 1. */
export class AskCliError extends Error {}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

function cliFromPackage(packageDir: string, origin: AskCli['origin']): AskCli | undefined {
  const manifest = readPackage(packageDir);
  const bin = typeof manifest?.bin === 'string' ? manifest.bin : manifest?.bin?.ask;
  if (manifest?.name !== 'ask-cli' || bin === undefined || manifest.version === undefined) return undefined;
  // Node runs the CLI's own script: no shim, no .cmd, no shell on any platform.
  return { command: process.execPath, prefixArgs: [path.join(packageDir, bin)], packageDir, version: manifest.version, origin };
}

/** The version tools/ask-cli/package.json pins (an exact version: a range would let a broken release in). */
export function pinnedVersion(root: string): string {
  const wanted = readPackage(path.join(root, PINNED_CLI_DIR))?.dependencies?.['ask-cli'];
  if (wanted === undefined || !/^\d+\.\d+\.\d+$/.test(wanted)) {
    throw new AskCliError(`${PINNED_CLI_DIR}/package.json must pin ask-cli to one exact version; restore it from git.`);
  }
  return wanted;
}

/** How npm itself is started: the npm that runs `npm run …` (npm_execpath), so npm.cmd and shells never matter. */
function npmCommand(env: NodeJS.ProcessEnv): { command: string; args: string[]; shell: boolean } {
  const execPath = env.npm_execpath;
  if (execPath !== undefined && /\.c?js$/.test(execPath) && existsSync(execPath)) return { command: process.execPath, args: [execPath], shell: false };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [], shell: process.platform === 'win32' };
}

export interface InstallReporter {
  readonly out: (line: string) => void;
}

/**
 * The pinned ASK CLI, installed into tools/ask-cli/node_modules on first use (or when the pin
 * changed) with `npm ci`, which follows tools/ask-cli's lock file and its antlr4ts override.
 */
export function pinnedCli(root: string, env: NodeJS.ProcessEnv, { out }: InstallReporter): AskCli {
  const dir = path.join(root, PINNED_CLI_DIR);
  const version = pinnedVersion(root);
  const installed = cliFromPackage(path.join(dir, 'node_modules', 'ask-cli'), 'pinned');
  if (installed?.version === version) return installed;

  out(`Installing the pinned ASK CLI ${version} into ${PINNED_CLI_DIR} (first use only; about 30 s)…`);
  const npm = npmCommand(env);
  const result = spawnSync(npm.command, [...npm.args, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    shell: npm.shell,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const fresh = cliFromPackage(path.join(dir, 'node_modules', 'ask-cli'), 'pinned');
  if (result.status !== 0 || fresh?.version !== version) {
    const why = `${result.stderr ?? ''}`.split('\n').map((line) => line.trim()).filter((line) => line !== '').slice(-1)[0]
      ?? result.error?.message ?? `exit code ${String(result.status)}`;
    throw new AskCliError(`The pinned ASK CLI could not be installed (\`npm ci\` in ${PINNED_CLI_DIR}: ${why}); check your connection to the npm registry and run the command again.`);
  }
  return fresh;
}

/** Where a command named `name` is on PATH, trying PATHEXT's endings on Windows (so `ask` finds `ask.cmd`). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const pathValue = env.PATH ?? env.Path ?? '';
  const separator = platform === 'win32' ? ';' : ':';
  // On Windows a bare `ask` is npm's shell shim, which Windows cannot start: only PATHEXT's endings count.
  const endings = platform === 'win32' ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ending) => ending !== '') : [''];
  for (const dir of pathValue.split(separator).filter((entry) => entry !== '')) {
    for (const ending of endings) {
      const candidate = path.join(dir, `${name}${ending.toLowerCase()}`);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The ask-cli package a shim on PATH starts: npm's `ask.cmd` sits beside node_modules/ask-cli; a Unix `ask` links into it. */
function packageOfShim(shim: string): string | undefined {
  const besideCmd = path.join(path.dirname(shim), 'node_modules', 'ask-cli');
  if (readPackage(besideCmd)?.name === 'ask-cli') return besideCmd;
  let dir: string;
  try {
    dir = path.dirname(realpathSync(shim));
  } catch {
    return undefined;
  }
  for (; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (readPackage(dir)?.name === 'ask-cli') return dir;
  }
  return undefined;
}

/** The ASK CLI installed globally (`npm install -g ask-cli`): used only when the user asks for it. */
export function globalCli(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): AskCli {
  const shim = findOnPath('ask', env, platform);
  if (shim === undefined) {
    throw new AskCliError('--use-global-ask was given, but there is no `ask` on PATH; leave the option out to use the ASK CLI the project pins (installed on first use).');
  }
  const packageDir = packageOfShim(shim);
  const cli = packageDir === undefined ? undefined : cliFromPackage(packageDir, 'global');
  if (cli === undefined) {
    throw new AskCliError(`${shim} is not an npm-installed ask-cli; leave out --use-global-ask to use the ASK CLI the project pins.`);
  }
  return cli;
}

export type AskResult = { ok: true; stdout: string } | { ok: false; message: string };

const MAX_DETAIL = 400;

/** The ASK CLI's own explanation, on one line: it prints "[Error]: …", sometimes with a JSON body. */
function detail(output: string): string {
  const oneLine = output.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL)}…` : oneLine;
}

/** Runs `ask …args` without a shell (so nothing is re-parsed) and reduces failure to one sentence. */
export function runAsk(cli: AskCli, args: readonly string[], env: NodeJS.ProcessEnv): AskResult {
  const command = `ask ${args.slice(0, 2).join(' ')}`;
  const result = spawnSync(cli.command, [...cli.prefixArgs, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error !== undefined) return { ok: false, message: `\`${command}\` could not be started (${result.error.message}).` };
  if (result.status !== 0) {
    const why = detail(`${result.stderr ?? ''} ${result.stdout ?? ''}`);
    return { ok: false, message: `\`${command}\` failed with exit code ${String(result.status)}${why === '' ? '.' : `: ${why}`}` };
  }
  return { ok: true, stdout: result.stdout ?? '' };
}
