import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import enUS from '../../lambda/i18n/locales/en-US.json';
import { referencedKeys, resourceProblems } from '../../scripts/skillPackage/localeRules';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the sentences of every locale', () => {
  it('are found in the code by the check, which sees most of them quoted whole', () => {
    const source = sourceFiles(join(ROOT, 'lambda')).map((path) => readFileSync(path, 'utf8')).join('\n');

    expect(referencedKeys(source, new Set(Object.keys(enUS.translation))).size).toBeGreaterThan(30);
  });

  it('hold every key the code asks for and none it never says, every language complete, in en-US order, with the same placeholders', () => {
    expect(resourceProblems(ROOT)).toEqual([]);
  });
});
