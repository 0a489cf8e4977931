import { problem, type JsonPath, type Problem } from './problem';

/** `${NAME}`: filled from the environment variable NAME when the file is used, never stored. */
export const PLACEHOLDER = /^\$\{([A-Z][A-Z0-9_]*)\}$/;

const SECRET_KEY = /secret|password|passwd|private.?key/i;
/** Spotify client ids and secrets are 32 hexadecimal characters. */
const HEX_CREDENTIAL = /^[0-9a-f]{32,}$/i;
/** Long unbroken runs of token alphabet with letters and digits: API keys, bearer tokens. */
const TOKEN_LIKE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9+_=-]{40,}$/;

function walk(value: unknown, path: JsonPath, visit: (key: string | number | undefined, text: string, path: JsonPath) => void): void {
  if (typeof value === 'string') visit(path[path.length - 1], value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key], visit);
  }
}

/** Strings that look like credentials: a committed file must hold placeholders, never the values. */
export function secretLookingValueProblems(file: string, document: unknown): Problem[] {
  const out: Problem[] = [];
  walk(document, [], (key, text, path) => {
    if (PLACEHOLDER.test(text) || text === '') return;
    if (typeof key === 'string' && SECRET_KEY.test(key)) {
      out.push(problem(file, path, `holds a value where a secret belongs; commit the placeholder \${…} and pass the value in an environment variable.`));
    } else if (HEX_CREDENTIAL.test(text) || TOKEN_LIKE.test(text)) {
      out.push(problem(file, path, 'looks like a credential (a client id, secret or token); keep it out of the repository and pass it in an environment variable.'));
    }
  });
  return out;
}
