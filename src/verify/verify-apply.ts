import { buildProject, runProjectTests, type StepResult } from './run-project-script.js';
import { compareExports, exportedNames } from './exported-names.js';

/** What verification found after apply wrote its changes. */
export interface Verification {
  build: StepResult;
  tests: StepResult;
  /** Export names of the runtime entry before and after; `missing` must be empty. */
  exports: { before: string[]; after: string[]; missing: string[]; added: string[] };
  /** True when the build and tests passed and no export went missing. */
  ok: boolean;
}

/** Snapshot taken before apply writes: the entry's export names (after a build, so dist is current). */
export interface Baseline {
  build: StepResult;
  exports: string[];
}

/** Builds the untouched project and records its entry's export names. */
export function takeBaseline(root: string): Baseline {
  const build = buildProject(root);
  return { build, exports: build.ok ? exportedNames(root) : [] };
}

/** Rebuilds, runs the project's tests and compares the entry's export names with the baseline. */
export function verifyAfterApply(root: string, baseline: Baseline): Verification {
  const build = buildProject(root);
  const after = build.ok ? exportedNames(root) : [];
  const tests = build.ok ? runProjectTests(root) : { ran: false, ok: false, command: '', output: 'skipped: the build failed' };
  const { missing, added } = compareExports(baseline.exports, after);
  return {
    build,
    tests,
    exports: { before: baseline.exports, after, missing, added },
    ok: build.ok && tests.ok && missing.length === 0,
  };
}

/**
 * After a failed verification put the sources back: build again, so the build output matches
 * them as it did after the baseline build (a stale build of the rewritten code would mislead).
 */
export function rebuildAfterRestore(root: string, baseline: Baseline): void {
  if (baseline.build.ran) buildProject(root);
}
