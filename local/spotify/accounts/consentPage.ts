import { SCOPE_DESCRIPTIONS } from './scopes';

/** Text made safe for HTML, attribute values included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.4}',
    'button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.6rem;border-radius:2rem;border:1px solid #777;background:#fff}',
    'button[value=allow]{background:#1db954;border-color:#1db954;color:#fff}.note{color:#555;font-size:.9rem}</style>',
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

export interface ConsentRequest {
  readonly appName: string;
  readonly accountName: string;
  /** Every query parameter of the authorization request, carried through the form unchanged. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly scopes: readonly string[];
}

/**
 * The demo Spotify's consent page: which app asks, for what, and Allow or Deny. A plain form
 * posting back to /authorize, so it works without JavaScript (and in the Alexa app's web view).
 */
export function consentPage({ appName, accountName, parameters, scopes }: ConsentRequest): string {
  const hidden = Object.entries(parameters)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const asked =
    scopes.length === 0
      ? '<li>Read your public profile and playlists</li>'
      : scopes.map((scope) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? `An unknown permission (${scope})`)} <span class="note">(${escapeHtml(scope)})</span></li>`).join('\n');
  return page(
    `Connect ${appName} to Spotify`,
    [
      `<h1>Connect <em>${escapeHtml(appName)}</em> to your Spotify account</h1>`,
      `<p>You are logged in to the demo Spotify as <strong>${escapeHtml(accountName)}</strong>.</p>`,
      `<p>${escapeHtml(appName)} would like to:</p>`,
      `<ul>${asked}</ul>`,
      '<form method="post" action="/authorize">',
      hidden,
      '<button type="submit" name="decision" value="allow">Agree</button>',
      '<button type="submit" name="decision" value="deny">Cancel</button>',
      '</form>',
      '<p class="note">This is the local demo Spotify of Playlist Pal: no real account, no real credentials.</p>',
    ].join('\n'),
  );
}

/** What Spotify shows instead of redirecting when the app or its redirect_uri is not the registered one. */
export function authorizationErrorPage(error: string, description: string): string {
  return page('Error', `<h1>Oops! Something went wrong</h1>\n<p><strong>${escapeHtml(error)}</strong>: ${escapeHtml(description)}</p>`);
}
