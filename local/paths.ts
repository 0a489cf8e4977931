import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root, found by walking up to our package.json: the same answer whether this
 * runs as TypeScript under jest or under tsx for `npm start`.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'playlist-pal') return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

export const INTERACTION_MODELS_DIR = path.join(PROJECT_ROOT, 'skill-package', 'interactionModels', 'custom');
