import { checkAgainstDefinition } from './smapiSchema';
import { PLACEHOLDER, secretLookingValueProblems } from './secrets';
import { problem, type Problem } from './problem';

export const ACCOUNT_LINKING_TEMPLATE = 'account-linking/spotify.template.json';

/*
 * What Alexa needs to link a Spotify account (see docs/account-linking.md): Alexa is the OAuth client of
 * Spotify's authorization-code flow. The values are checked, not just their presence, because
 * swapping the two URLs or choosing "credentials in body" are the usual console mistakes.
 */
const EXPECTED: Readonly<Record<string, unknown>> = {
  type: 'AUTH_CODE',
  authorizationUrl: 'https://accounts.spotify.com/authorize',
  accessTokenUrl: 'https://accounts.spotify.com/api/token',
  accessTokenScheme: 'HTTP_BASIC',
  skipOnEnablement: false,
};
/** The scopes the skill's Spotify calls need: list playlists (private and collaborative), see devices, start playback. */
export const REQUIRED_SCOPES = ['playlist-read-private', 'playlist-read-collaborative', 'user-read-playback-state', 'user-modify-playback-state'];
const CREDENTIAL_FIELDS = ['clientId', 'clientSecret'] as const;
const PAYLOAD = ['accountLinkingRequest'] as const;

function payloadOf(document: unknown): Record<string, unknown> | undefined {
  const payload = (document as { accountLinkingRequest?: unknown } | null)?.accountLinkingRequest;
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
}

/** Complete and correct for Spotify, with the credentials as `${…}` placeholders. */
export function accountLinkingTemplateProblems(file: string, document: unknown): Problem[] {
  const out = checkAgainstDefinition('v1.skill.accountLinking.AccountLinkingRequest', document, file);
  const payload = payloadOf(document);
  if (payload === undefined) return [...out, problem(file, PAYLOAD, 'is required: the request body wraps everything in "accountLinkingRequest".')];
  out.push(...accountLinkingValueProblems(file, payload));
  for (const field of CREDENTIAL_FIELDS) {
    const value = payload[field];
    if (typeof value !== 'string' || !PLACEHOLDER.test(value)) {
      out.push(problem(file, [...PAYLOAD, field], 'must be a ${NAME} placeholder; `npm run link:configure` fills it from the environment.'));
    }
  }
  out.push(...secretLookingValueProblems(file, document));
  return out;
}

/** The checks that hold for the filled-in request too (credentials aside). */
export function accountLinkingValueProblems(file: string, payload: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  for (const [field, expected] of Object.entries(EXPECTED)) {
    if (payload[field] !== expected) {
      out.push(problem(file, [...PAYLOAD, field], `must be ${JSON.stringify(expected)}, not ${JSON.stringify(payload[field])}.`));
    }
  }
  const scopes = Array.isArray(payload.scopes) ? payload.scopes : [];
  const missing = REQUIRED_SCOPES.filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) out.push(problem(file, [...PAYLOAD, 'scopes'], `lacks ${missing.join(', ')}, which the skill's Spotify calls need.`));
  const domains = payload.domains;
  if (!Array.isArray(domains) || domains.length === 0) {
    out.push(problem(file, [...PAYLOAD, 'domains'], 'must list the domains the Spotify login page loads from (at least accounts.spotify.com).'));
  }
  const expiry = payload.defaultTokenExpirationInSeconds;
  if (typeof expiry !== 'number' || !Number.isInteger(expiry) || expiry <= 0) {
    out.push(problem(file, [...PAYLOAD, 'defaultTokenExpirationInSeconds'], "must be a positive whole number of seconds (Spotify's tokens live 3600)."));
  }
  return out;
}
