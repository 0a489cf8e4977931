import { XMLValidator } from 'fast-xml-parser';
import type { ResponseEnvelope } from 'ask-sdk-model';

/*
 * What Alexa accepts as a response, as far as the skill controls it: the version, well-formed
 * SSML (parsed by a real XML parser), speech and card text within 8,000 characters, the whole
 * response within 24 KB, and session attributes that come back the same through JSON.
 */

export const MAX_SPEECH_CHARS = 8000;
export const MAX_RESPONSE_BYTES = 24 * 1024;

type Speech = { type?: string; ssml?: string; text?: string } | undefined;

function speechProblems(where: string, speech: Speech): string[] {
  if (speech === undefined) return [];
  const problems: string[] = [];
  if (speech.type === 'SSML') {
    const ssml = speech.ssml ?? '';
    if (ssml.length > MAX_SPEECH_CHARS) problems.push(`${where}: SSML of ${ssml.length} characters`);
    if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) problems.push(`${where}: SSML not wrapped in <speak>`);
    const valid = XMLValidator.validate(ssml);
    if (valid !== true) problems.push(`${where}: SSML is not well-formed XML (${valid.err.msg})`);
  } else if (speech.type === 'PlainText') {
    if ((speech.text ?? '').length > MAX_SPEECH_CHARS) problems.push(`${where}: text of ${(speech.text ?? '').length} characters`);
  } else {
    problems.push(`${where}: unknown speech type ${String(speech.type)}`);
  }
  return problems;
}

/** Every way `envelope` breaks Alexa's rules; empty when Alexa would take it. */
export function alexaProblems(envelope: ResponseEnvelope): string[] {
  const problems: string[] = [];
  if (envelope === null || typeof envelope !== 'object') return ['the answer is not an object'];
  if (envelope.version !== '1.0') problems.push(`version is ${JSON.stringify(envelope.version)}`);
  const response = envelope.response as ResponseEnvelope['response'] | undefined;
  if (response === undefined || response === null || typeof response !== 'object') return [...problems, 'no response object'];
  problems.push(...speechProblems('outputSpeech', response.outputSpeech as Speech));
  problems.push(...speechProblems('reprompt', response.reprompt?.outputSpeech as Speech));
  const card = response.card as { title?: string; content?: string; text?: string } | undefined;
  if (card !== undefined) {
    const cardChars = (card.title ?? '').length + (card.content ?? card.text ?? '').length;
    if (cardChars > MAX_SPEECH_CHARS) problems.push(`card text of ${cardChars} characters`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(envelope));
  if (bytes > MAX_RESPONSE_BYTES) problems.push(`response of ${bytes} bytes`);
  if (envelope.sessionAttributes !== undefined) {
    const again: unknown = JSON.parse(JSON.stringify(envelope.sessionAttributes));
    if (!sameJson(again, envelope.sessionAttributes)) problems.push('session attributes do not survive JSON');
  }
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The text Alexa would show or say: speech, reprompt and card, to look for secrets in. */
export function userFacingText(envelope: ResponseEnvelope): string {
  return JSON.stringify([envelope.response?.outputSpeech, envelope.response?.reprompt, envelope.response?.card, envelope.response?.directives]);
}

/** Every form a secret could take in a JSON log line or a JSON answer. */
export function secretForms(secret: string): string[] {
  const once = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, once, JSON.stringify(once).slice(1, -1)])];
}
