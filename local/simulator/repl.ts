import readline from 'node:readline';
import { runLine } from './commands';
import type { Simulator } from './simulator';

export { COMMANDS_HELP } from './commands';

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

/** The simulator's conversation loop on a terminal or a piped script. */
export function startRepl({ simulator, input, output, terminal }: ReplOptions): Repl {
  const rl = readline.createInterface({ input, output, terminal, prompt: 'you> ' });
  const print = (text: string) => output.write(`${text}\n`);
  rl.on('SIGINT', () => rl.close());
  const done = (async () => {
    if (terminal) rl.prompt();
    for await (const line of rl) {
      if (!terminal) print(`you> ${line}`);
      const { lines, quit } = await runLine(line, simulator, print);
      if (lines.length > 0) print(lines.join('\n'));
      if (quit) break;
      if (terminal) rl.prompt();
    }
    rl.close();
  })();
  return { done, close: () => rl.close() };
}
