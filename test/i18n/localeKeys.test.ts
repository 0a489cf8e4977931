import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import enUS from '../../lambda/i18n/locales/en-US.json';

const LAMBDA = join(__dirname, '../../lambda');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function localeKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`.replace(PLURAL_SUFFIX, '')] : localeKeys(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

const keys = new Set(localeKeys(enUS.translation));
const groups = new Set(Object.keys(enUS.translation));
const source = sourceFiles(LAMBDA).map((path) => readFileSync(path, 'utf8')).join('\n');
/** Every quoted 'group.key' in the code whose group is one of the locale's. */
const referenced = [...source.matchAll(/'([a-zA-Z]+)\.([a-zA-Z.]+)'/g)].filter(([, group]) => groups.has(group!)).map(([, group, rest]) => `${group}.${rest}`);
/** Keys built at run time, as `group.${…}`: none, or the two checks below could not see them. */
const builtKeys = [...source.matchAll(/`([a-zA-Z]+\.)\$\{/g)].map(([whole]) => whole);

describe('the en-US sentences', () => {
  it('hold every key the code asks for', () => {
    expect(builtKeys).toEqual([]);
    expect(referenced.length).toBeGreaterThan(30);
    expect(referenced.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('hold no sentence that nothing asks for', () => {
    const used = (key: string) => referenced.includes(key) || source.includes(`'${key}'`);
    expect([...keys].filter((key) => !used(key))).toEqual([]);
  });
});
