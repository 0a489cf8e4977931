import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * lambda/ is layered: a module may import from its own folder and from folders in a lower layer,
 * never upwards or sideways. Handlers sit on the conversation, the conversation on the Alexa and
 * Spotify helpers, and spotify/ knows nothing of Alexa.
 */
const LAMBDA = path.join(__dirname, '..', 'lambda');

const LAYER: Readonly<Record<string, number>> = {
  errors: 0,
  config: 1,
  secrets: 1,
  speech: 1,
  matching: 1,
  logging: 2,
  spotify: 2,
  i18n: 2,
  playback: 3,
  alexa: 3,
  persistence: 3,
  accountLinking: 4,
  conversation: 5,
  handlers: 6,
  interceptors: 6,
  skill: 7,
  index: 8,
};

/** The layer's name of a file or folder directly under lambda/. */
function unitOf(relative: string): string {
  const [first = ''] = relative.split(path.sep);
  return first.replace(/\.ts$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((match) => match[1]!);
}

function packageImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s*'([^.'][^']*)'/g)].map((match) => match[1]!);
}

const files = sourceFiles(LAMBDA).map((file) => path.relative(LAMBDA, file));

describe('imports in lambda/', () => {
  it('finds every folder of lambda/ in the table of layers', () => {
    const units = new Set(files.map(unitOf));

    expect([...units].filter((unit) => LAYER[unit] === undefined)).toEqual([]);
  });

  it.each(files)('%s imports only from its own folder or a lower layer', (file) => {
    const from = unitOf(file);
    const upward = relativeImports(path.join(LAMBDA, file))
      .map((specifier) => path.relative(LAMBDA, path.resolve(LAMBDA, path.dirname(file), specifier)))
      .map(unitOf)
      .filter((to) => to !== from && !((LAYER[to] ?? Infinity) < LAYER[from]!));

    expect(upward).toEqual([]);
  });

  it.each(files.filter((file) => unitOf(file) === 'spotify'))('%s knows nothing of Alexa', (file) => {
    expect(packageImports(path.join(LAMBDA, file)).filter((name) => name.startsWith('ask-sdk'))).toEqual([]);
  });
});
