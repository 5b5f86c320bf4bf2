import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './copy-fixture.js';

/**
 * The environment for a child that may run `node --test` itself: without the variable the test
 * runner sets, a nested `node --test` reports to the outer runner and exits 0 even when it fails.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
  return { ...env, FORCE_COLOR: '0' };
}

/** Runs the built CLI (`npm run build` first) and returns its exit code and output. */
export function runLazify(args: string[], options: { cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/src/cli/index.js'), ...args], { cwd: options.cwd, encoding: 'utf8', env: childEnv() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The operations of `lazify plan DIR --format json` that use `transform`, for tests that apply a part of the plan. */
export function plannedOperations(dir: string, transform: string): Array<{ id: string; transform: string; files: string[]; options: Record<string, unknown> }> {
  const result = runLazify(['plan', dir, '--format', 'json']);
  if (result.status !== 0) throw new Error(`lazify plan ${dir} failed: ${result.stderr}`);
  const plan = JSON.parse(result.stdout) as { operations: Array<{ id: string; transform: string; files: string[]; options: Record<string, unknown> }> };
  return plan.operations.filter((op) => op.transform === transform);
}
