import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { LazifyError } from '../diagnostics/diagnostic.js';

/**
 * Paths with uncommitted changes under `dir` (`git status --porcelain`), or undefined when
 * `dir` is not inside a git work tree (then there is nothing to protect). Fails closed: when
 * git cannot answer (not on PATH, dubious ownership, a broken config), the tree cannot be
 * known to be clean, so this throws a LazifyError (`git-failed`) rather than say "clean";
 * `--force` skips the check.
 */
export function uncommittedChanges(dir: string): string[] | undefined {
  const inside = runGit(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 && /not a git repository/i.test(inside.stderr)) return undefined;
  if (inside.status !== 0 || !['true', 'false'].includes(inside.stdout.trim())) refuse(dir, inside);
  // Inside a .git directory (`false`): lazify never writes there anyway, but nothing tells clean from dirty.
  if (inside.stdout.trim() !== 'true') refuse(dir, inside, 'it is inside a git directory, not a work tree');
  const status = runGit(dir, ['status', '--porcelain', '--untracked-files=all', '--', '.']);
  if (status.status !== 0) refuse(dir, status);
  return status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
}

function runGit(dir: string, args: string[]): SpawnSyncReturns<string> {
  // English messages, so "not a git repository" can be told from every other failure.
  return spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' } });
}

function refuse(dir: string, result: SpawnSyncReturns<string>, why?: string): never {
  const reason =
    why ??
    ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? 'git is not on PATH'
      : (result.stderr || String(result.error ?? `git exited with ${result.status}`)).trim().split('\n')[0]);
  throw new LazifyError(
    'git-failed',
    `cannot tell whether ${dir} has uncommitted changes (${reason}); fix git or pass --force to apply without the check`,
    dir,
  );
}
