import type { v1 } from 'ask-smapi-model';
import { accountLinkingValueProblems } from '../skillPackage/accountLinkingRules';
import { formatProblem } from '../skillPackage/problem';
import { PLACEHOLDER } from '../skillPackage/secrets';

export type AccountLinkingRequest = v1.skill.accountLinking.AccountLinkingRequest;

type Env = Readonly<Record<string, string | undefined>>;
export type Filled = { ok: true; body: AccountLinkingRequest; secrets: string[] } | { ok: false; message: string };

/** Spotify shows both the client id and the client secret as 32 hexadecimal characters. */
const SPOTIFY_CREDENTIAL = /^[0-9a-f]{32}$/i;
const SECRET_FIELDS = new Set(['clientSecret']);
/** A value from a variable named like a secret stays hidden wherever the template puts it (a swapped placeholder). */
const SECRET_VARIABLE = /SECRET/i;
const MASK = '<hidden>';

function setupHint(variable: string): string {
  return `${variable} is not set: copy it from your app at https://developer.spotify.com/dashboard and export it in this shell (never into a file in the repository).`;
}

/**
 * The template with every `${NAME}` replaced by the environment variable NAME, checked the way
 * Alexa will use it. `secrets` lists the values that must never be printed.
 */
export function fillTemplate(template: unknown, env: Env, file: string): Filled {
  const secrets: string[] = [];
  let failure: string | undefined;
  const fill = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      const variable = PLACEHOLDER.exec(value)?.[1];
      if (variable === undefined) return value;
      const filled = env[variable]?.trim();
      if (filled === undefined || filled === '') {
        failure ??= setupHint(variable);
        return value;
      }
      if (!SPOTIFY_CREDENTIAL.test(filled)) {
        failure ??= `${variable} does not look like a Spotify credential (32 hexadecimal characters); check that you copied all of it.`;
      }
      if ((key !== undefined && SECRET_FIELDS.has(key)) || SECRET_VARIABLE.test(variable)) secrets.push(filled);
      return filled;
    }
    if (Array.isArray(value)) return value.map((item) => fill(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, fill(child, name)]));
    }
    return value;
  };
  const body = fill(template) as AccountLinkingRequest;
  if (failure !== undefined) return { ok: false, message: failure };
  const payload = body.accountLinkingRequest as Record<string, unknown> | undefined;
  if (payload === undefined) return { ok: false, message: `${file} has no "accountLinkingRequest"; run \`npm run validate\` to see what is wrong.` };
  const problems = accountLinkingValueProblems(file, payload);
  if (problems.length > 0) return { ok: false, message: `${formatProblem(problems[0]!)} Run \`npm run validate\` for the full list.` };
  if (secrets.length === 0) return { ok: false, message: `${file} has no client secret placeholder; run \`npm run validate\`.` };
  if (payload.clientId === payload.clientSecret) {
    return { ok: false, message: 'SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET are the same; the secret is the second value on your Spotify app\'s settings page.' };
  }
  return { ok: true, body, secrets };
}

/** `text` with every secret replaced by the mask: for anything printed, including what the ASK CLI says. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text);
}
