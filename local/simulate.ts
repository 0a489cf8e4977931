import path from 'node:path';
import { renderTurn } from './simulator/render';
import { COMMANDS_HELP, startRepl } from './simulator/repl';
import { Simulator } from './simulator/simulator';
import { readFaultSettings } from './localConfig';
import { startLocalPersistence, type LocalPersistence } from './persistence/localPersistence';
import { createLocalSkill, fileSink, SESSION_LOG, stderrSink } from './runtime';
import { startDemoSpotify } from './spotify/demoSpotify';
import { describeStartupError } from './startupErrors';

export interface SimulateArgs {
  readonly unlinked: boolean;
  readonly locale: string;
  /** Said in order, one turn each; none means an interactive session. */
  readonly utterances: readonly string[];
}

export const SIMULATE_USAGE = 'usage: npm run simulate -- [--unlinked] [--locale en-US] ["what you would say" ...]';

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
      locale = next;
      index += 1;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${SIMULATE_USAGE}`);
    else utterances.push(arg);
  }
  return { unlinked, locale, utterances };
}

const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * `npm run simulate`: the skill object Lambda runs, its own demo Spotify on a free loopback
 * port (unless SPOTIFY_API_BASE_URL points elsewhere), and either the given utterances or a
 * conversation on the terminal.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let args: SimulateArgs;
  try {
    args = parseSimulateArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const demo = await startDemoSpotify('127.0.0.1', 0);
  let persistence: LocalPersistence | undefined;
  try {
    persistence = await startLocalPersistence(process.env);
    const { faults, slowMs } = readFaultSettings(process.env);
    for (const fault of faults) demo.faults.switchOn(fault, { ms: slowMs });
    const terminal = args.utterances.length === 0 && Boolean(process.stdin.isTTY);
    // One-shot and piped runs keep stdout for the conversation and show only warnings on stderr.
    const { skill, config } = terminal
      ? createLocalSkill(process.env, demo.standIn.baseUrl, fileSink(SESSION_LOG), 'info', persistence)
      : createLocalSkill(process.env, demo.standIn.baseUrl, stderrSink, 'warn', persistence);
    const simulator = new Simulator({ skill, locale: args.locale, accessToken: args.unlinked ? null : undefined, skillId: config.skillId });
    for (const utterance of args.utterances) {
      print(`you> ${utterance}`);
      print(renderTurn(await simulator.say(utterance)).join('\n'));
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
    await demo.close();
    await persistence?.close();
  }
}
