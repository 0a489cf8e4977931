import path from 'node:path';
import { Logger, type LogSink } from '../lambda/logging/logger';
import { runLine } from './simulator/commands';
import { COMMANDS_HELP, startRepl } from './simulator/repl';
import { normaliseLocale, Simulator } from './simulator/simulator';
import { readFaultSettings, readLinkingConfig, readLogFile } from './localConfig';
import { fileSink, startLocalRuntime, type LocalRuntime } from './runtime';
import { describeStartupError, isExpectedStartupError } from './startupErrors';
import { simulateHelp } from './usage';

export interface SimulateArgs {
  readonly help: boolean;
  readonly unlinked: boolean;
  readonly locale: string;
  /** Said or run in order, one line each (utterances and commands alike); none means an interactive session. */
  readonly utterances: readonly string[];
}

export const SIMULATE_USAGE = 'usage: npm run simulate -- [--unlinked] [--locale en-US] ["what you would say" or a command ...]   (--help for more)';

export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  let unlinked = false;
  let locale = 'en-US';
  const utterances: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return { help: true, unlinked, locale, utterances };
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
  return { help: false, unlinked, locale, utterances };
}

const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * `npm run simulate`: what `npm start` runs (the skill object Lambda runs, the demo Spotify and
 * its authorization server, Alexa's side of account linking) on free loopback ports, and either
 * the given lines (utterances and commands) or a conversation on the terminal. The skill's log
 * goes to a file in every mode, so the transcript holds only what the user hears and sees.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let args: SimulateArgs;
  try {
    args = parseSimulateArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    print(simulateHelp());
    return 0;
  }
  const terminal = args.utterances.length === 0 && Boolean(process.stdin.isTTY);
  const logFile = readLogFile(process.env);
  const shownLogFile = path.relative(process.cwd(), logFile) || logFile;
  let runtime: LocalRuntime | undefined;
  let sink: LogSink | undefined;
  try {
    sink = fileSink(logFile);
    runtime = await startLocalRuntime({
      env: process.env,
      local: { port: 0, host: '127.0.0.1', verify: true, exposeAdmin: false, ...readFaultSettings(process.env), linking: readLinkingConfig(process.env) },
      sink,
    });
    const simulator = new Simulator({ skill: runtime.skill, linking: runtime.linking, directives: runtime.directives, locale: args.locale, skillId: runtime.config.skillId });
    const problem = await runtime.linking.prepare(simulator.userId, { linked: !args.unlinked, locale: simulator.locale });
    if (terminal) {
      const linked = simulator.linked ? 'linked to the demo Spotify account' : 'not linked';
      print(`Playlist Pal simulator (${linked}, ${simulator.locale}; skill log in ${shownLogFile}).\n${COMMANDS_HELP}`);
    } else {
      print(`  (the skill's log: ${shownLogFile})`);
    }
    if (problem !== undefined) print(`  (${problem})`);
    for (const line of args.utterances) {
      print(`you> ${line}`);
      const { lines, quit } = await runLine(line, simulator, print);
      if (lines.length > 0) print(lines.join('\n'));
      if (quit) break;
    }
    if (args.utterances.length > 0) return 0;
    const repl = startRepl({ simulator, input: process.stdin, output: process.stdout, terminal });
    process.once('SIGTERM', () => repl.close());
    await repl.done;
    return 0;
  } catch (error) {
    if (isExpectedStartupError(error)) {
      process.stderr.write(`${describeStartupError(error)}\n`);
    } else {
      // A fault of the simulator itself: one sentence here, the whole story in the log.
      if (sink !== undefined) new Logger('error', sink).error('the simulator failed', { error });
      process.stderr.write(`The simulator failed: ${error instanceof Error ? error.message : String(error)} (details in ${shownLogFile}).\n`);
    }
    return 1;
  } finally {
    await runtime?.close();
  }
}
