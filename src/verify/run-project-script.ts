import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Outcome of one verification step run in the project. */
export interface StepResult {
  /** False when the project has nothing to run for this step (no build script, no tsconfig, no tests). */
  ran: boolean;
  ok: boolean;
  /** The command, as a user would type it. */
  command: string;
  /** Last lines of its output, to show when it failed. */
  output: string;
}

function scriptsOf(root: string): Record<string, string> {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return {};
  return (JSON.parse(readFileSync(path, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

function run(root: string, command: string, args: string[]): StepResult {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 10 * 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
  return { ran: true, ok: result.status === 0, command: [command, ...args].join(' '), output };
}

/**
 * Builds (or at least typechecks) the project its own way: `npm run build` when it has a build
 * script, otherwise `tsc --noEmit` when it has a tsconfig.json; nothing for plain JS without a build.
 */
export function buildProject(root: string): StepResult {
  if (scriptsOf(root).build) return run(root, 'npm', ['run', 'build', '--silent']);
  if (existsSync(join(root, 'tsconfig.json'))) return run(root, 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  return { ran: false, ok: true, command: '', output: 'no build script and no tsconfig.json' };
}

/** Runs the project's own test command (`npm test`), when it has a real one. */
export function runProjectTests(root: string): StepResult {
  const test = scriptsOf(root).test;
  if (!test || /no test specified/.test(test)) return { ran: false, ok: true, command: '', output: 'no test script' };
  return run(root, 'npm', ['test', '--silent']);
}
