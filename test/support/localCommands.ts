import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
/** What `npm start` and `npm run simulate` run, without npm's own start-up in between. */
// tsx as Node's loader, in one process (its CLI would run the script in a child that a SIGKILL of the parent leaves behind).
const RUNNER = ['--import', 'tsx', path.join(ROOT, 'scripts', 'main.ts')];
const ENTRY: Record<string, string> = { start: 'local/start.ts', simulate: 'local/simulate.ts' };
/** Settings of the local run a developer's shell might carry into the tests. */
const LOCAL_SETTINGS = ['PORT', 'HOST', 'ALEXA_VERIFY', 'SPOTIFY_API_BASE_URL', 'SPOTIFY_FAULT', 'SPOTIFY_FAULT_MS', 'LOG_LEVEL', 'LOG_FILE', 'SKILL_ID', 'LINKING_TEMPLATE', 'DEMO_CLIENT_AUTH'];

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
  /** The skill's log file of this run (LOG_FILE), unless the test named its own. */
  readonly logFile: string;
}

let logDir: string | undefined;
let runs = 0;

/** A clean environment for a spawned command: no local-run settings from the shell, and a log file of its own. */
function commandEnv(env: Record<string, string | undefined>): { env: NodeJS.ProcessEnv; logFile: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LOCAL_SETTINGS) delete clean[name];
  logDir ??= mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-logs-'));
  runs += 1;
  const logFile = path.join(logDir, `run-${runs}.log`);
  const merged: NodeJS.ProcessEnv = { ...clean, LOG_FILE: logFile };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return { env: merged, logFile: merged.LOG_FILE ?? logFile };
}

const launched = new Set<Running>();

/**
 * Stops (SIGKILL) whatever a test launched and left running, e.g. an `npm start` whose test
 * failed before stopping it; for afterEach, so one failed assertion never hangs the run.
 */
export async function stopLeftovers(): Promise<void> {
  const running = [...launched];
  launched.clear();
  for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  await Promise.all(running.map((run) => run.exited));
}

function follow(child: ChildProcessWithoutNullStreams, logFile: string): Running {
  const running: Running = {
    child,
    stdout: '',
    stderr: '',
    logFile,
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
  child.stdout.on('data', (chunk: Buffer) => (running.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (running.stderr += chunk.toString('utf8')));
  launched.add(running);
  return running;
}

/**
 * `start` or `simulate` with `args`, as the npm scripts run them. `env` adds settings
 * (undefined removes one, e.g. LOG_FILE to see the default).
 */
export function launch(args: string[], env: Record<string, string | undefined> = {}): Running {
  const [command = '', ...rest] = args;
  const { env: childEnv, logFile } = commandEnv(env);
  return follow(spawn(process.execPath, [...RUNNER, ENTRY[command] ?? command, ...rest], { cwd: ROOT, env: childEnv }), logFile);
}

/** `npm run <script> -- args`, through npm itself, exactly as a user types it. */
export function npmRun(script: string, args: string[], env: Record<string, string | undefined> = {}): Running {
  const { env: childEnv, logFile } = commandEnv(env);
  return follow(spawn('npm', ['run', script, '--', ...args], { cwd: ROOT, env: childEnv }), logFile);
}

export async function finished(running: Running): Promise<Running & { code: number | null }> {
  return Object.assign(running, { code: await running.exited });
}

export function waitForOutput(running: Running, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(running.stdout);
      if (match !== null) {
        running.child.stdout.off('data', check);
        resolve(match);
      }
    };
    running.child.stdout.on('data', check);
    void running.exited.then(() => reject(new Error(`exited before printing ${pattern}:\n${running.stdout}\n${running.stderr}`)));
    check();
  });
}
