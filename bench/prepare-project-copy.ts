// Temp copies of a fixture project, built there: the benchmark never writes into fixtures/.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './child-process-timing.js';

/**
 * Copies `projectDir` (without node_modules and build output) to a fresh temp dir and links
 * the repository's node_modules into it, so its SDKs and tsc resolve as they do in place.
 */
export function copyProject(projectDir: string, repoRoot: string, label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lazify-bench-${label.replace(/\W+/g, '-')}-`));
  cpSync(projectDir, dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src.slice(projectDir.length)),
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Result of compiling a copy with its own tsconfig. */
export interface BuildResult {
  /** tsc exited 0 (no type errors). */
  ok: boolean;
  /** First lines of tsc's output when it did not. */
  errors?: string;
}

/**
 * `tsc -p .` in `dir`, with the repository's TypeScript. tsc emits even with type errors; the
 * caller decides. `typeCheck: false` adds `--noCheck` (emit only): type-checking against every
 * SDK's declarations is most of a build's minute on this machine, and says nothing about import time.
 */
export function buildProject(dir: string, repoRoot: string, options: { typeCheck: boolean }): BuildResult {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = runNode([tsc, '-p', '.', ...(options.typeCheck ? [] : ['--noCheck'])], { cwd: dir, timeoutMs: 600_000 });
  if (run.status === 0) return { ok: true };
  return { ok: false, errors: (run.stdout + run.stderr).trim().split('\n').slice(0, 5).join('\n') || `tsc exited ${run.status}` };
}

export function removeCopy(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
