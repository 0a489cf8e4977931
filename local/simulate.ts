import path from 'node:path';
import { runLine } from './simulator/commands';
import { COMMANDS_HELP, startRepl } from './simulator/repl';
import { normaliseLocale, Simulator } from './simulator/simulator';
import { readFaultSettings, readLinkingConfig } from './localConfig';
import { fileSink, SESSION_LOG, startLocalRuntime, stderrSink, type LocalRuntime } from './runtime';
import { describeStartupError } from './startupErrors';

export interface SimulateArgs {
  readonly unlinked: boolean;
  readonly locale: string;
  /** Said or run in order, one line each (utterances and commands alike); none means an interactive session. */
  readonly utterances: readonly string[];
}

export const SIMULATE_USAGE = 'usage: npm run simulate -- [--unlinked] [--locale en-US] ["what you would say" or a command ...]';

export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  let unlinked = false;
  let locale = 'en-US';
  const utterances: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--unlinked') unlinked = true;
    else if (arg === '--locale') {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`--locale needs a value like en-GB\n${SIMULATE_USAGE}`);
      locale = normaliseLocale(next);
      index += 1;
    } else if (arg === '--deny' && utterances.length > 0 && /^link$/i.test(utterances[utterances.length - 1]!.trim())) {
      // `link --deny` typed without quotes arrives as two arguments.
      utterances[utterances.length - 1] += ' --deny';
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${SIMULATE_USAGE}`);
    else utterances.push(arg);
  }
  return { unlinked, locale, utterances };
}

const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * `npm run simulate`: what `npm start` runs (the skill object Lambda runs, the demo Spotify and
 * its authorization server, Alexa's side of account linking) on free loopback ports, and either
 * the given lines (utterances and commands) or a conversation on the terminal.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let args: SimulateArgs;
  try {
    args = parseSimulateArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const terminal = args.utterances.length === 0 && Boolean(process.stdin.isTTY);
  let runtime: LocalRuntime | undefined;
  try {
    // One-shot and piped runs keep stdout for the conversation and show only warnings on stderr.
    runtime = await startLocalRuntime({
      env: terminal ? process.env : { LOG_LEVEL: 'warn', ...process.env },
      local: { port: 0, host: '127.0.0.1', verify: true, ...readFaultSettings(process.env), linking: readLinkingConfig(process.env) },
      sink: terminal ? fileSink(SESSION_LOG) : stderrSink,
    });
    const simulator = new Simulator({ skill: runtime.skill, linking: runtime.linking, locale: args.locale, skillId: runtime.config.skillId });
    const problem = await runtime.linking.prepare(simulator.userId, { linked: !args.unlinked, locale: simulator.locale });
    if (problem !== undefined) print(`  (${problem})`);
    for (const line of args.utterances) {
      print(`you> ${line}`);
      const { lines, quit } = await runLine(line, simulator);
      if (lines.length > 0) print(lines.join('\n'));
      if (quit) break;
    }
    if (args.utterances.length > 0) return 0;
    if (terminal) {
      const linked = simulator.linked ? 'linked to the demo Spotify account' : 'not linked';
      print(`Playlist Pal simulator (${linked}, ${simulator.locale}; skill log in ${path.relative(process.cwd(), SESSION_LOG)}).\n${COMMANDS_HELP}`);
    }
    const repl = startRepl({ simulator, input: process.stdin, output: process.stdout, terminal });
    process.once('SIGTERM', () => repl.close());
    await repl.done;
    return 0;
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    return 1;
  } finally {
    await runtime?.close();
  }
}
