import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';

/** Environment for a skill process: nothing from ours (no NODE_OPTIONS, no proxy), only what is given. */
export function skillEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', ...vars };
}

/**
 * Forks `script` with an IPC channel; skill logs go nowhere (as cheap as Lambda's pipe, and
 * they would drown the report), its errors to our stderr.
 */
export function forkQuietly(script: string, args: string[], env: NodeJS.ProcessEnv, execArgv: string[] = []): ChildProcess {
  const options: ForkOptions = { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] };
  return fork(script, args, options);
}

/** The first message `child` sends; rejects when it exits without one. */
export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child process exited (${code}) without answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** Waits for `child` to end, so the next measurement does not share the CPU with it. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
