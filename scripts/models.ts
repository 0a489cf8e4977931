import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { produceModels } from './interactionModels/produceModels';

/*
 * `npm run models`: writes the regional interaction models (en-GB, en-CA, en-AU, en-IN, fr-CA,
 * es-MX, es-US) from their language's own (en-US, fr-FR, es-ES) and the regional samples in
 * scripts/interactionModels/regionalVariants.ts. Run it after changing either; commit the result.
 */
export function main(): number {
  const root = process.cwd();
  for (const { file, from, text } of produceModels(root)) {
    const target = path.join(root, file);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    writeFileSync(target, text);
    console.log(`wrote ${file} (from ${from}.json)`);
  }
  return 0;
}
