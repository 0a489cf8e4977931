/*
 * Removing known secret values (an access token, Alexa's API token, later refresh tokens and
 * client secrets) from text that may have quoted them: Spotify's error messages, error stacks,
 * log fields. Patterns catch the shapes we know ("Bearer …", "Atza|…"); these catch the values
 * themselves, whatever surrounds them.
 */

export const REDACTED = '[redacted]';

/**
 * Values shorter than this are not removed: no real token is that short, and removing "a" or
 * "ok" from every line would garble the logs without protecting anything.
 */
export const MIN_SECRET_CHARS = 8;

const MAX_CACHED_SECRETS = 256;
const formsOf = new Map<string, readonly string[]>();

/** JSON's escaped form of `text`, without the quotes: how a token looks inside a JSON body or log line. */
function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * The forms a secret takes inside text, longest first: as it is, JSON-escaped (once, and twice
 * for a body that quotes a body), and percent-encoded as in a URL.
 */
function secretForms(secret: string): readonly string[] {
  if (secret.length < MIN_SECRET_CHARS) return [];
  const known = formsOf.get(secret);
  if (known !== undefined) return known;
  const once = jsonEscaped(secret);
  const forms = [...new Set([secret, once, jsonEscaped(once), encodeURIComponent(secret)])].sort((a, b) => b.length - a.length);
  // Every string of every log line is checked against every secret: the forms are worked out once.
  if (formsOf.size >= MAX_CACHED_SECRETS) formsOf.clear();
  formsOf.set(secret, forms);
  return forms;
}

/** `text` with every form of every secret replaced by {@link REDACTED}. Linear in the text for each form. */
export function removeSecrets(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      if (clean.includes(form)) clean = clean.split(form).join(REDACTED);
    }
  }
  return clean;
}
