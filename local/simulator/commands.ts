import type { LinkOutcome, LinkStatus } from '../linking/alexaLinking';
import type { LocalLinking } from '../linking/localLinking';
import { renderAnswer, renderProgressive, renderRaw, renderSending, renderTurn } from './render';
import type { Simulator, Turn, TurnObserver } from './simulator';

export const COMMANDS_HELP = [
  'Type what you would say to Alexa ("open playlist pal", "list my playlists", "yes", "help", "exit"), or a command:',
  '  launch           open the skill (a LaunchRequest)',
  '  link             link Spotify as the Alexa app does, step by step (link --deny: press Cancel instead)',
  '  unlink           unlink in the Alexa app: requests carry no access token',
  '  expire           the access token expires now; the next request shows Alexa refreshing it',
  '  revoke           the user removes the app at Spotify; the next refresh fails and the account needs linking',
  '  enable, disable  enable or disable the skill (Alexa sends SkillEnabled / SkillDisabled)',
  '  locale xx-XX     use another locale\'s interaction model',
  '  raw              show the last request and response envelopes as JSON (tokens masked)',
  '  commands         show this list',
  '  quit             stop (Ctrl-C and Ctrl-D too)',
  'An empty line is silence: Alexa says the reprompt, then ends the session.',
].join('\n');

/** What one typed line (or one one-shot argument) asks for. */
export type Command =
  | { readonly kind: 'quit' | 'commands' | 'launch' | 'raw' | 'unlink' | 'expire' | 'revoke' | 'enable' | 'disable' | 'silence' }
  | { readonly kind: 'link'; readonly deny: boolean }
  | { readonly kind: 'locale'; readonly locale: string }
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'say'; readonly utterance: string };

const SIMPLE = ['quit', 'commands', 'launch', 'raw', 'unlink', 'expire', 'revoke', 'enable', 'disable'] as const;
const LOCALE_USAGE = 'usage: locale xx-XX, e.g. locale en-US';

/**
 * A line as the simulator takes it, the same in one-shot, piped and interactive use: a command
 * word in any case ("Unlink"), an empty line as silence, anything else as something said to Alexa.
 */
export function parseLine(line: string): Command {
  const text = line.trim();
  if (text === '') return { kind: 'silence' };
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  const simple = SIMPLE.find((name) => name === word);
  if (simple !== undefined && rest.length === 0) return { kind: simple };
  if (word === 'link') {
    if (rest.length === 0) return { kind: 'link', deny: false };
    if (rest.length === 1 && rest[0]!.toLowerCase() === '--deny') return { kind: 'link', deny: true };
    return { kind: 'usage', message: 'usage: link, or link --deny (it runs Alexa\'s account linking against the demo Spotify; there is no token to give)' };
  }
  if (word === 'locale') {
    return rest.length === 1 ? { kind: 'locale', locale: rest[0]! } : { kind: 'usage', message: LOCALE_USAGE };
  }
  return { kind: 'say', utterance: text };
}

function linkLines(outcome: LinkOutcome, status: LinkStatus): string[] {
  const lines = outcome.steps.map((step) => `  ${step.step.padEnd(10)}${step.text}`);
  lines.push(outcome.linked ? '  (linked: requests now carry the access token)' : `  (linking failed: ${outcome.problem ?? 'the flow did not finish'}; the account is ${status})`);
  return lines;
}

function needsLinking(simulator: Simulator): LocalLinking {
  const { linking } = simulator;
  if (linking === undefined) throw new Error('account linking is not available in this simulator');
  return linking;
}

/** Prints lines at once, while a turn is still under way. */
export type LivePrinter = (text: string) => void;

/**
 * Runs one command against the simulator and its runtime's account linking; resolves with the
 * lines to print and whether to stop. With `live`, a turn is printed as it happens: how Alexa
 * heard the words as the request goes out, each progressive response the moment the skill sends
 * it (what the user hears while waiting), and the answer in the lines resolved with.
 */
export async function runCommand(command: Command, simulator: Simulator, live?: LivePrinter): Promise<{ lines: string[]; quit: boolean }> {
  const done = (...lines: string[]) => ({ lines, quit: false });
  const observer: TurnObserver | undefined =
    live === undefined
      ? undefined
      : { sending: (request) => live(renderSending(request).join('\n')), progressive: (speech) => live(renderProgressive(speech)) };
  const turnLines = (turn: Turn) => (live === undefined ? renderTurn(turn) : renderAnswer(turn));
  switch (command.kind) {
    case 'quit':
      return { lines: [], quit: true };
    case 'commands':
      return done(COMMANDS_HELP);
    case 'usage':
      return done(`  ${command.message}`);
    case 'raw':
      return done(renderRaw(simulator.last));
    case 'launch':
      return done(...turnLines(await simulator.launch(observer)));
    case 'say':
      return done(...turnLines(await simulator.say(command.utterance, observer)));
    case 'silence': {
      const silence = await simulator.silence();
      if (silence.kind === 'no session') return done('  (silence: no session is open, so nothing happens)');
      if (silence.kind === 'reprompt') return done(`Alexa (reprompt): ${silence.text === '' ? '(none: the skill gave no reprompt)' : silence.text}`);
      return done(...renderTurn(silence.turn));
    }
    case 'locale':
      simulator.setLocale(command.locale);
      return done(`  (locale ${simulator.locale}; a new session starts)`);
    case 'link': {
      const linking = needsLinking(simulator);
      const outcome = await linking.link(simulator.userId, { deny: command.deny, locale: simulator.locale });
      return done(...linkLines(outcome, linking.status(simulator.userId)));
    }
    case 'unlink':
      return done(`  (${needsLinking(simulator).unlink(simulator.userId)})`);
    case 'expire':
      return done(`  (${needsLinking(simulator).expire(simulator.userId)})`);
    case 'revoke':
      return done(`  (${needsLinking(simulator).revoke(simulator.userId)})`);
    case 'enable':
      return done(`  (${await needsLinking(simulator).enable(simulator.userId, simulator.locale)})`);
    case 'disable':
      return done(`  (${await needsLinking(simulator).disable(simulator.userId, simulator.locale)})`);
  }
}

/** Parses and runs one line, turning a failure into an error line: a typo never ends a conversation. */
export async function runLine(line: string, simulator: Simulator, live?: LivePrinter): Promise<{ lines: string[]; quit: boolean }> {
  try {
    return await runCommand(parseLine(line), simulator, live);
  } catch (error) {
    return { lines: [`  error: ${(error as Error).message}`], quit: false };
  }
}
