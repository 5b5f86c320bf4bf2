import { spawnSync } from 'node:child_process';

/**
 * Paths with uncommitted changes under `dir` (`git status --porcelain`), or undefined when
 * `dir` is not inside a git work tree (then there is nothing to protect).
 */
export function uncommittedChanges(dir: string): string[] | undefined {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', '.'], { cwd: dir, encoding: 'utf8' });
  if (status.status !== 0) return undefined;
  return status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
}
