import { REDACTED } from '../../lambda/logging/redact';
import { cardText, cardType, repromptText, spokenText } from '../../test/support/responses';
import type { ProgressiveResponse } from '../alexaApi/directives';
import type { Turn } from './simulator';
import type { Resolution } from './utterances';

function describeResolution(resolution: Resolution): string {
  if (resolution.kind === 'launch') return 'LaunchRequest';
  if (resolution.kind === 'exit') return 'SessionEndedRequest (USER_INITIATED)';
  if (resolution.kind === 'silence') return 'SessionEndedRequest (EXCEEDED_MAX_REPROMPTS): nothing said after the reprompt';
  const slots = Object.entries(resolution.slots).map(([name, value]) => (value === undefined ? `${name}: (empty)` : `${name}: "${value}"`));
  return slots.length === 0 ? resolution.name : `${resolution.name} { ${slots.join(', ')} }`;
}

function describeCard(turn: Turn): string[] {
  const type = cardType(turn.response);
  if (type === undefined) return [];
  if (type === 'LinkAccount') return ['  card:    LinkAccount (the Alexa app offers to link Spotify)'];
  const [title, ...lines] = cardText(turn.response).split('\n');
  return [`  card:    ${title ?? ''}`, ...lines.map((line) => `           ${line}`)];
}

/** A progressive response: what Alexa says while the skill works, before its answer. */
export function renderProgressive(speech: ProgressiveResponse): string {
  return `Alexa (progressive response, while the skill works): ${speech.text}`;
}

/** What went out for a turn: what Alexa did about the account, and how it heard the words. */
export function renderSending(request: Pick<Turn, 'resolution' | 'linkingNotes'>): string[] {
  return [...request.linkingNotes.map((note) => `  (${note})`), `  (heard as ${describeResolution(request.resolution)})`];
}

/** The skill's answer to a turn: speech, card, and whether Alexa keeps listening. */
export function renderAnswer(turn: Turn): string[] {
  const spoken = spokenText(turn.response);
  const lines = [`Alexa: ${spoken === '' ? '(says nothing)' : spoken}`, ...describeCard(turn)];
  if (turn.sessionOpen) {
    const reprompt = repromptText(turn.response);
    lines.push(`  session: open, Alexa listens${reprompt === '' ? '' : `; if you say nothing: "${reprompt}"`}`);
  } else {
    lines.push('  session: ended');
  }
  return lines;
}

/** What a person would hear and see for one turn, in order, as plain text lines. */
export function renderTurn(turn: Turn): string[] {
  return [...renderSending(turn), ...turn.progressive.map(renderProgressive), ...renderAnswer(turn)];
}

/** The last request and response as JSON, with the access tokens masked. */
export function renderRaw(turn: Turn | undefined): string {
  if (turn === undefined) return 'Nothing sent yet.';
  const masked = (envelope: object) => JSON.stringify(redactTokens(envelope), null, 2);
  return `request:\n${masked(turn.request)}\nresponse:\n${masked(turn.response)}`;
}

/** Unlike the log's redact(), which drops whole envelopes, this keeps everything but the tokens. */
function redactTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactTokens);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, /token$/i.test(key) ? REDACTED : redactTokens(item)]));
}
