import type { interfaces, ui } from 'ask-sdk-model';
import * as z from 'zod';
import { cardText, cardType, repromptText, spokenText } from '../../test/support/responses';
import type { CommandOutcome } from '../simulator/commands';
import { describeResolution } from '../simulator/render';
import type { Turn } from '../simulator/simulator';
import { FAULTS } from '../spotify/faults';

/**
 * A conversation saved as a test: the lines typed (what you would say, or a simulator command
 * such as `link` or `expire`), the faults switched on between them, and what was heard in
 * answer. Replaying it types the same lines into a new simulated user and compares the answers.
 * Nothing in it changes from run to run: no token, no id, no port, no time.
 */
export const CONVERSATION_FORMAT = 'playlist-pal-conversation/1';

/** A conversation file is small; this keeps a pasted or uploaded one from taking the server's memory. */
export const MAX_CONVERSATION_BYTES = 256 * 1024;
export const MAX_STEPS = 300;
const MAX_LINE_CHARS = 1000;

const faultNames = Object.keys(FAULTS) as [keyof typeof FAULTS, ...Array<keyof typeof FAULTS>];

/** What a person heard and saw for one line; only what the line produced is there. */
const answerSchema = z
  .object({
    /** How Alexa heard the words: the request type, or the intent with its slots. */
    heard: z.string().optional(),
    /** What Alexa did about the account first (a refresh, a failed one), token fingerprints left out. */
    notes: z.array(z.string()).optional(),
    progressive: z.array(z.string()).optional(),
    speech: z.string().optional(),
    reprompt: z.string().optional(),
    card: z.object({ type: z.string(), title: z.string().optional(), text: z.string().optional() }).strict().optional(),
    /** The screen the skill showed: its APL document's token. */
    screen: z.string().optional(),
    session: z.enum(['open', 'ended']).optional(),
    /** After `link`: whether the account is linked. */
    linked: z.boolean().optional(),
    /** What a command did, in a sentence. */
    note: z.string().optional(),
  })
  .strict();

export type Answer = z.infer<typeof answerSchema>;

const lineStep = z.object({ line: z.string().max(MAX_LINE_CHARS), answer: answerSchema }).strict();
/** The demo Spotify's faults from here on: exactly these are on (none: all off). */
const faultStep = z
  .object({ faults: z.array(z.enum(faultNames)).max(faultNames.length), slowMs: z.number().int().min(0).max(60_000).optional() })
  .strict();

export type LineStep = z.infer<typeof lineStep>;
export type FaultStep = z.infer<typeof faultStep>;
export type Step = LineStep | FaultStep;

const conversationSchema = z
  .object({
    format: z.literal(CONVERSATION_FORMAT),
    /** What the conversation shows, for whoever reads the file. */
    about: z.string().max(500).optional(),
    locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
    /** The simulated user starts linked to the demo Spotify account (through the whole flow), or not. */
    linked: z.boolean(),
    /** The device has a screen (an Echo Show): the skill may send its APL screens. */
    screen: z.boolean(),
    steps: z.array(z.union([lineStep, faultStep])).min(1).max(MAX_STEPS),
  })
  .strict();

export type Conversation = z.infer<typeof conversationSchema>;

/** A conversation file that cannot be replayed; the message says where and why. */
export class ConversationFileError extends Error {
  override readonly name = 'ConversationFileError';
}

/** Reads a conversation from its JSON text, or throws {@link ConversationFileError} naming the first problems. */
export function parseConversation(text: string, source = 'the conversation'): Conversation {
  if (Buffer.byteLength(text) > MAX_CONVERSATION_BYTES) throw new ConversationFileError(`${source} is larger than ${MAX_CONVERSATION_BYTES / 1024} KB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConversationFileError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = conversationSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new ConversationFileError(`${source} is not a conversation (${CONVERSATION_FORMAT}): ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function isFaultStep(step: Step): step is FaultStep {
  return 'faults' in step;
}

/** Token fingerprints (token#1a2b3c) differ on every run; what happened to the token does not. */
function withoutFingerprints(text: string): string {
  return text.replace(/\b(token|code)#[0-9a-f]{6}\b/g, '$1#…');
}

function cardOf(turn: Turn): Answer['card'] {
  const type = cardType(turn.response);
  if (type === undefined) return undefined;
  if (type === 'LinkAccount' || type === 'AskForPermissionsConsent') return { type };
  const card = turn.response.response.card as ui.SimpleCard | ui.StandardCard;
  return { type, ...(card.title === undefined ? {} : { title: card.title }), text: cardText(turn.response).split('\n').slice(card.title === undefined ? 0 : 1).join('\n') };
}

/** The tokens of the APL documents a response renders (what is on the screen). */
export function screenTokens(turn: Turn): string[] {
  return (turn.response.response.directives ?? [])
    .filter((directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument')
    .map((directive) => (directive as interfaces.alexa.presentation.apl.RenderDocumentDirective).token ?? '(no token)');
}

function turnAnswer(turn: Turn): Answer {
  const reprompt = repromptText(turn.response);
  const card = cardOf(turn);
  const screens = screenTokens(turn);
  return {
    heard: describeResolution(turn.resolution),
    ...(turn.linkingNotes.length === 0 ? {} : { notes: turn.linkingNotes.map(withoutFingerprints) }),
    ...(turn.progressive.length === 0 ? {} : { progressive: turn.progressive.map((speech) => speech.text) }),
    speech: spokenText(turn.response),
    ...(reprompt === '' ? {} : { reprompt }),
    ...(card === undefined ? {} : { card }),
    ...(screens.length === 0 ? {} : { screen: screens.join(', ') }),
    session: turn.sessionOpen ? 'open' : 'ended',
  };
}

/** What was heard and seen for one line, as a conversation file keeps it; the same when recording and when replaying. */
export function answerOf(outcome: CommandOutcome): Answer {
  switch (outcome.kind) {
    case 'turn':
      return turnAnswer(outcome.turn);
    case 'reprompt':
      return { reprompt: outcome.text };
    case 'link':
      return { linked: outcome.outcome.linked };
    case 'note':
      return { note: withoutFingerprints(outcome.text) };
    case 'text':
      return { note: outcome.text.trim().split('\n')[0] ?? '' };
    case 'quit':
      return { note: 'quit' };
  }
}

const ANSWER_KEYS = ['heard', 'notes', 'progressive', 'speech', 'reprompt', 'card', 'screen', 'session', 'linked', 'note'] as const;

/** Each part of the answer that differs, in a sentence: what the file says, what was heard now. Empty when they agree. */
export function compareAnswers(expected: Answer, heard: Answer): string[] {
  const shown = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value));
  return ANSWER_KEYS.filter((key) => JSON.stringify(expected[key]) !== JSON.stringify(heard[key])).map(
    (key) => `${key}: expected ${shown(expected[key])}, heard ${shown(heard[key])}`,
  );
}
