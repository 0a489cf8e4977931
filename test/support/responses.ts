import type { ResponseEnvelope, ui } from 'ask-sdk-model';

/** Renders SSML as the plain text a person would hear. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the user hears, as plain text. */
export function spokenText(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  if (speech === undefined) return '';
  return speech.type === 'SSML' ? ssmlToText((speech as ui.SsmlOutputSpeech).ssml) : (speech as ui.PlainTextOutputSpeech).text;
}

/** The raw SSML, to check escaping. */
export function ssml(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  return speech?.type === 'SSML' ? (speech as ui.SsmlOutputSpeech).ssml : '';
}

export function repromptText(envelope: ResponseEnvelope): string {
  const speech = envelope.response.reprompt?.outputSpeech;
  if (speech === undefined) return '';
  return speech.type === 'SSML' ? ssmlToText((speech as ui.SsmlOutputSpeech).ssml) : (speech as ui.PlainTextOutputSpeech).text;
}

export function cardType(envelope: ResponseEnvelope): string | undefined {
  return envelope.response.card?.type;
}

export function cardText(envelope: ResponseEnvelope): string {
  const card = envelope.response.card as ui.SimpleCard | ui.StandardCard | undefined;
  if (card === undefined) return '';
  return [card.title, 'content' in card ? card.content : (card as ui.StandardCard).text].filter(Boolean).join('\n');
}

export function endsSession(envelope: ResponseEnvelope): boolean {
  return envelope.response.shouldEndSession === true;
}
