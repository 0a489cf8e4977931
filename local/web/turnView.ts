import type { IntentRequest, interfaces, ResponseEnvelope, ui } from 'ask-sdk-model';
import { repromptText, spokenText } from '../../test/support/responses';
import { describeResolution, redactTokens } from '../simulator/render';
import type { Turn } from '../simulator/simulator';
import type { CardView, ScreenView, TurnView } from './protocol';

function cardView(response: ResponseEnvelope): CardView | undefined {
  const card = response.response.card;
  if (card === undefined) return undefined;
  if (card.type === 'Simple') {
    const simple = card as ui.SimpleCard;
    return { type: card.type, ...(simple.title === undefined ? {} : { title: simple.title }), ...(simple.content === undefined ? {} : { text: simple.content }) };
  }
  if (card.type === 'Standard') {
    const standard = card as ui.StandardCard;
    return {
      type: card.type,
      ...(standard.title === undefined ? {} : { title: standard.title }),
      ...(standard.text === undefined ? {} : { text: standard.text }),
      ...(standard.image === undefined ? {} : { image: standard.image }),
    };
  }
  return { type: card.type };
}

function screenViews(response: ResponseEnvelope): ScreenView[] {
  return (response.response.directives ?? [])
    .filter((directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument')
    .map((directive) => {
      const render = directive as interfaces.alexa.presentation.apl.RenderDocumentDirective;
      return { token: render.token ?? '', document: render.document ?? {}, datasources: render.datasources ?? {} };
    });
}

/**
 * A turn as the page shows it. Built from the very Turn the terminal renders; the envelopes go
 * out with every token masked (the terminal's `raw` masking), so no token reaches the browser.
 */
export function turnView(turn: Turn): TurnView {
  const request = turn.request.request;
  const intent = request.type === 'IntentRequest' ? (request as IntentRequest).intent : undefined;
  return {
    heard: describeResolution(turn.resolution),
    requestType: request.type,
    ...(intent === undefined
      ? {}
      : { intent: { name: intent.name, slots: Object.fromEntries(Object.entries(intent.slots ?? {}).map(([name, slot]) => [name, slot.value ?? null])) } }),
    linkingNotes: turn.linkingNotes,
    progressive: turn.progressive.map((speech) => speech.text),
    speech: spokenText(turn.response),
    reprompt: turn.sessionOpen ? repromptText(turn.response) : '',
    ...(cardView(turn.response) === undefined ? {} : { card: cardView(turn.response)! }),
    screens: screenViews(turn.response),
    sessionOpen: turn.sessionOpen,
    sessionAttributes: (redactTokens(turn.response.sessionAttributes ?? {}) as Record<string, unknown>) ?? {},
    locale: request.locale ?? 'en-US',
    raw: { request: redactTokens(turn.request), response: redactTokens(turn.response) },
  };
}
