import { escapeHtml } from '../spotify/accounts/consentPage';
import type { RouteHandler } from '../http';
import type { LocalLinking } from './localLinking';

/** Where the local run's Alexa takes the browser back to after consent (registered with the demo Spotify beside Amazon's). */
export const LINK_CALLBACK_PATH = '/link/callback';

/**
 * `GET /link/callback?code=…&state=…`: what Alexa's redirect URL does after a consent given in a
 * browser. It finishes the link as the terminal's `link` does and shows each step (tokens masked).
 * The implicit grant's token comes in the fragment, which never reaches a server, so that grant
 * is linked from the simulator instead.
 */
export function linkCallbackRoute(linking: LocalLinking): RouteHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', linking.callbackUrl ?? 'http://local');
    const outcome = await linking.alexa.completeLink(url.toString());
    const steps = outcome.steps.map((step) => `<li><strong>${escapeHtml(step.step)}</strong> ${escapeHtml(step.text)}</li>`).join('\n');
    const verdict = outcome.linked ? 'Linked: requests now carry the access token.' : `Not linked: ${outcome.problem ?? 'the flow did not finish'}.`;
    const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Account linking</title></head><body>\n<h1>${escapeHtml(verdict)}</h1>\n<ol>${steps}</ol>\n</body></html>`;
    res.writeHead(outcome.linked ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
}
