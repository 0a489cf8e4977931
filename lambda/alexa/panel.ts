import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import panelDocument from './panelDocument.json';

/** What the skill shows about a turn: the same on a card in the Alexa app and on a screen. */
export interface Panel {
  readonly title: string;
  readonly subtitle: string;
  readonly lines: readonly string[];
}

/** Tokens that name what is on the screen. */
export type PanelToken = 'playlistList' | 'playlistDetails';

export function supportsApl(input: HandlerInput): boolean {
  try {
    // The device declares APL with an object (its runtime); null, false or a string is no screen.
    const apl: unknown = getSupportedInterfaces(input.requestEnvelope)?.['Alexa.Presentation.APL'];
    return typeof apl === 'object' && apl !== null;
  } catch {
    // An envelope without a device: no screen.
    return false;
  }
}

/** APL Text reads its text as markup: names with "<", ">" or "&" must show as they are. */
export function escapeAplText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panelDirective(token: PanelToken, panel: Panel): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token,
    document: panelDocument,
    datasources: {
      panel: {
        title: escapeAplText(panel.title),
        subtitle: escapeAplText(panel.subtitle),
        lines: panel.lines.map(escapeAplText),
      },
    },
  };
}

/** A card with the panel's text, and on a device with a screen the panel itself. */
export function showPanel(input: HandlerInput, token: PanelToken, panel: Panel): void {
  input.responseBuilder.withSimpleCard(panel.title, [panel.subtitle, ...panel.lines].filter((line) => line !== '').join('\n'));
  if (supportsApl(input)) input.responseBuilder.addDirective(panelDirective(token, panel));
}
