import readline from 'node:readline';
import { renderRaw, renderTurn } from './render';
import type { Simulator, Turn } from './simulator';

export const COMMANDS_HELP = [
  'Type what you would say to Alexa ("open playlist pal", "list my playlists", "yes", "help", "exit"), or a command:',
  '  launch           open the skill (a LaunchRequest)',
  '  link [token]     link the demo Spotify account (or use any token; an unknown one meets Spotify\'s 401)',
  '  unlink           drop the access token, as before account linking',
  '  locale xx-XX     use another locale\'s interaction model',
  '  raw              show the last request and response envelopes as JSON (tokens masked)',
  '  commands         show this list',
  '  quit             stop (Ctrl-C and Ctrl-D too)',
].join('\n');

export interface ReplOptions {
  readonly simulator: Simulator;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** A person at a keyboard: show a prompt. Otherwise echo each line, so a piped script reads as a transcript. */
  readonly terminal: boolean;
}

export interface Repl {
  /** Settles when the user quits or the input ends. */
  readonly done: Promise<void>;
  close(): void;
}

type Step = 'go on' | 'quit';

async function handleLine(line: string, simulator: Simulator, print: (text: string) => void): Promise<Step> {
  const text = line.trim();
  const showTurn = (turn: Turn) => print(renderTurn(turn).join('\n'));
  if (text === '') return 'go on';
  if (text === 'quit') return 'quit';
  if (text === 'commands') {
    print(COMMANDS_HELP);
    return 'go on';
  }
  const link = /^link(?:\s+(\S+))?$/.exec(text);
  const locale = /^locale\s+(\S+)$/.exec(text);
  if (link !== null) {
    simulator.link(link[1]);
    print(link[1] === undefined ? '  (linked to the demo Spotify account)' : '  (linked with the token you gave)');
  } else if (text === 'unlink') {
    simulator.unlink();
    print('  (unlinked: requests carry no access token)');
  } else if (locale !== null) {
    simulator.setLocale(locale[1]!);
    print(`  (locale ${simulator.locale}; a new session starts)`);
  } else if (text === 'raw') {
    print(renderRaw(simulator.last));
  } else if (text === 'launch') {
    showTurn(await simulator.launch());
  } else {
    showTurn(await simulator.say(text));
  }
  return 'go on';
}

/** The simulator's conversation loop on a terminal or a piped script. */
export function startRepl({ simulator, input, output, terminal }: ReplOptions): Repl {
  const rl = readline.createInterface({ input, output, terminal, prompt: 'you> ' });
  const print = (text: string) => output.write(`${text}\n`);
  rl.on('SIGINT', () => rl.close());
  const done = (async () => {
    if (terminal) rl.prompt();
    for await (const line of rl) {
      // A piped script is echoed into the transcript, but a token given to `link` is not.
      if (!terminal) print(`you> ${line.replace(/^(\s*link\s+)\S+/, '$1[token]')}`);
      let step: Step = 'go on';
      try {
        step = await handleLine(line, simulator, print);
      } catch (error) {
        print(`  error: ${(error as Error).message}`);
      }
      if (step === 'quit') break;
      if (terminal) rl.prompt();
    }
    rl.close();
  })();
  return { done, close: () => rl.close() };
}
