import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export class WorkCopyError extends Error {}

export function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new WorkCopyError(`git ${args.join(' ')} failed in ${cwd}: ${(result.stderr || result.error?.message || '').trim()}`);
  return result.stdout;
}

/**
 * A fresh clone of the project as it is on disk (tracked and new files, not ignored ones),
 * committed, so the rehearsal can say what a deploy leaves in `git status`. The installed
 * packages are linked in, not copied; git is told to ignore those two links, which exist only
 * because of the rehearsal.
 */
export function makeWorkCopy(root: string, dir: string): void {
  const files = git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter((file) => file !== '');
  for (const file of files) {
    const from = path.join(root, file);
    if (!existsSync(from)) continue; // deleted in the work tree but not yet committed
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(from, path.join(dir, file));
  }
  for (const modules of ['node_modules', path.join('tools', 'ask-cli', 'node_modules')]) {
    if (existsSync(path.join(root, modules))) symlinkSync(path.join(root, modules), path.join(dir, modules), 'junction');
  }
  git(dir, ['init', '-q']);
  appendFileSync(path.join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'user.name=Deploy rehearsal', '-c', 'user.email=rehearsal@invalid', 'commit', '-q', '-m', 'snapshot for the deploy rehearsal']);
}
