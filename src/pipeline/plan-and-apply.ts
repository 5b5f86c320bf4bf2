// plan and apply: findings -> plan -> edits (in memory) -> diff / patch / write -> verify.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FileSet } from '../edits/file-set.js';
import { runPlan } from '../edits/run-plan.js';
import { unifiedDiff } from '../edits/unified-diff.js';
import { hasJournal, JOURNAL_DIR, recoverJournal } from '../edits/write-journal.js';
import { applyChoices } from '../plan/apply-choices.js';
import { buildPlan } from '../plan/build-plan.js';
import { wholeOperationGroups } from '../plan/planned-together.js';
import { filesInPackage, packageSourceRoot } from '../plan/package-scope.js';
import { projectSourceFiles } from '../project/project-source-files.js';
import type { Plan } from '../plan/plan.js';
import { validatePlan } from '../plan/validate-plan.js';
import type { ApplyOptions, ApplyResult, PlanOptions, PlanResult } from './results.js';
import type { BlockedOperation } from '../verify/block-type-errors.js';
import type { TypeDiagnostic } from '../verify/typecheck-changes.js';
import type { ImportBeforeAfter } from '../verify/import-before-after.js';

/**
 * The stages only apply runs: the dirty-tree check, the type gate, formatting and linting,
 * writing (files or a patch) and verification. Loaded with import() when apply runs, as
 * dependency-cruiser's main/cruise.mjs loads its stages, so `lazify plan` loads none of them.
 */
async function loadApplyStages() {
  const [gitStatus, format, lint, writeFiles, patch, blockTypes, verifyApply] = await Promise.all([
    import('../edits/git-status.js'),
    import('../edits/format-changed-files.js'),
    import('../verify/lint-changed-files.js'),
    import('../edits/write-files.js'),
    import('../edits/write-patch.js'),
    import('../verify/block-type-errors.js'),
    import('../verify/verify-apply.js'),
  ]);
  return {
    uncommittedChanges: gitStatus.uncommittedChanges,
    formatChangedFiles: format.formatChangedFiles,
    lintChangedFiles: lint.lintChangedFiles,
    restoreFiles: writeFiles.restoreFiles,
    writeChanges: writeFiles.writeChanges,
    writePatch: patch.writePatch,
    refuseBadPatchTarget: patch.refuseBadPatchTarget,
    blockOperationsWithTypeErrors: blockTypes.blockOperationsWithTypeErrors,
    rebuildAfterRestore: verifyApply.rebuildAfterRestore,
    takeBaseline: verifyApply.takeBaseline,
    verifyAfterApply: verifyApply.verifyAfterApply,
  };
}

/**
 * The stages that load TypeScript, each only when its step runs: analysis (for a plan made on
 * the fly), the type gate (a project with a tsconfig.json) and the import timing of `--verify`.
 * Applying a written plan to a JavaScript project loads no compiler.
 */
const loadAnalysis = () => Promise.all([import('./analyze.js'), import('../facts/extract-facts.js'), import('../project/read-tsconfig.js')]);
const loadTypeChecker = async () => (await import('../verify/typecheck-changes.js')).ChangeTypeChecker;
const loadImportTiming = async () => (await import('../verify/import-before-after.js')).measureImportSnapshot;

/** Analyses the project in `dir` and turns its findings into a plan. Reads only. */
export async function plan(dir: string, options: PlanOptions = {}): Promise<PlanResult> {
  refuseUnfinishedWrite(resolve(dir));
  const [{ analyze }, { withFactsOfFiles }, { readTsconfig }] = await loadAnalysis();
  const analysis = analyze(dir, { entry: options.entry, suppressions: options.suppressions, onProgress: options.onProgress, cacheDir: options.cacheDir });
  const project = new FileSet(analysis.root);
  // Only the package's own modules: tests, scripts and examples that import the same SDK stay as they are.
  // `--include` globs pick among the source files (never dependencies or build output).
  const included = options.include?.length ? new Set(await glob(options.include, { cwd: analysis.root })) : undefined;
  const sourceRoot = packageSourceRoot(analysis.root, analysis.entry, readTsconfig(analysis.root)?.options.rootDir);
  const excluded = options.exclude?.length ? new Set(await glob(options.exclude, { cwd: analysis.root })) : undefined;
  const allFiles = projectSourceFiles(analysis.root);
  const sourceFiles = filesInPackage(allFiles, { graph: analysis.graph, sourceRoot, included }).filter((file) => !excluded?.has(file));
  const facts = withFactsOfFiles(analysis.facts, sourceFiles, project);
  return buildPlan(
    analysis.findings,
    {
      project,
      sourceFiles,
      graph: analysis.graph,
      facts,
      choices: { deprecate: options.deprecate, allowApiChange: options.allowApiChange },
    },
    excluded,
  );
}

/**
 * Applies a plan to the project in `dir`: every operation runs in memory first; then the diff
 * is returned (dryRun), written as a patch, or written to the project all or nothing. Refuses
 * on a git work tree with uncommitted changes unless `force`. In a TypeScript project an
 * operation whose rewrite adds a type error (checked in memory, with the project's tsconfig,
 * against the original's errors) is left out unless `force`. With `verify`, the project is
 * built before and after, its tests run, and its entry's export names compared.
 */
export async function apply(dir: string, options: ApplyOptions = {}): Promise<ApplyResult> {
  const root = resolve(dir);
  const writes = !options.dryRun && options.patch === undefined;
  const { uncommittedChanges, formatChangedFiles, lintChangedFiles, restoreFiles, writeChanges, writePatch, refuseBadPatchTarget, blockOperationsWithTypeErrors, rebuildAfterRestore, takeBaseline, verifyAfterApply } = await loadApplyStages();
  if (writes) {
    // A crashed earlier write is finished or undone first, and that is all this run does:
    // the plan a user asked for was made for the tree as it was before.
    const recovery = recoverJournal(root);
    if (recovery) {
      return { root, plan: { schemaVersion: 1, root, operations: [] }, skipped: [], operations: [], changes: [], diff: '', written: false, recovery, blocked: [], typeErrors: [] };
    }
  } else refuseUnfinishedWrite(root);
  if (options.patch !== undefined) refuseBadPatchTarget(options.patch, { root, changed: [] });
  let thePlan: Plan;
  let skipped: Diagnostic[] = [];
  if (options.plan !== undefined) {
    const raw = typeof options.plan === 'string' ? readPlanFile(options.plan) : options.plan;
    thePlan = validatePlan(raw, new FileSet(root));
    applyChoices(thePlan, { deprecate: options.deprecate });
  } else {
    ({ plan: thePlan, skipped } = await plan(root, options));
  }
  // An edited plan may have lost one of operations that save only together: the others go too.
  const whole = wholeOperationGroups(thePlan.operations);
  let runnable: Plan = { ...thePlan, operations: whole.operations };
  skipped = [...skipped, ...whole.skipped];
  if (writes && !options.force) {
    const dirty = uncommittedChanges(root);
    if (dirty && dirty.length > 0) {
      throw new LazifyError(
        'dirty-tree',
        `${root} has ${dirty.length} uncommitted change(s) (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', ...' : ''}); commit or stash them first, or pass --force`,
      );
    }
  }
  const progress = options.onProgress;
  const importRuns = options.importRuns ?? 3;
  let baseline: ReturnType<typeof takeBaseline> | undefined;
  let importBefore: ImportBeforeAfter['before'] | undefined;
  const measureImportSnapshot = writes && options.verify && importRuns > 0 ? await loadImportTiming() : undefined;
  if (writes && options.verify) {
    progress?.({ stage: 'verify', label: 'building the project as it is' });
    baseline = takeBaseline(root);
    if (measureImportSnapshot) importBefore = await measureImportSnapshot(root, { runs: importRuns, timeoutMs: options.importTimeoutMs, onProgress: progress });
  }
  progress?.({ stage: 'edits', label: 'running the plan in memory' });
  let run = runPlan(runnable, root);
  let blocked: BlockedOperation[] = [];
  let typeErrors: TypeDiagnostic[] = [];
  // Before anything is shown or written: a rewrite that adds a type error is not one to review.
  if (options.typecheck !== false && run.changes.length > 0) progress?.({ stage: 'typecheck', label: 'type checking the rewrite' });
  const typeChecked = options.typecheck !== false && run.changes.length > 0 && existsSync(join(root, 'tsconfig.json'));
  const checker = typeChecked ? (await loadTypeChecker()).open(root) : undefined;
  if (checker && options.force) typeErrors = checker.newDiagnostics(run.changes);
  else if (checker) {
    // The gate may leave out one of operations that save only together: the others go too, and
    // what is left is checked again.
    for (;;) {
      const gate = blockOperationsWithTypeErrors(runnable, root, run, checker);
      run = gate.run;
      blocked.push(...gate.blocked);
      const out = new Set(gate.blocked.map((b) => b.id));
      const partners = wholeOperationGroups(runnable.operations.filter((op) => !out.has(op.id)));
      if (partners.skipped.length === 0) break;
      skipped = [...skipped, ...partners.skipped];
      runnable = { ...runnable, operations: partners.operations };
      run = runPlan(runnable, root);
    }
  }
  const formatted = options.format === false ? undefined : formatChangedFiles(root, run.changes);
  const linted = options.lint === false ? undefined : lintChangedFiles(root, formatted?.changes ?? run.changes, undefined, { reformat: options.format !== false });
  const changes = linted?.changes ?? formatted?.changes ?? run.changes;
  const diff = unifiedDiff(changes);
  const result: ApplyResult = { root, plan: thePlan, skipped, operations: run.operations, changes, diff, written: false, formatting: formatted?.result, lint: linted?.result, blocked, typeErrors };
  if (options.patch !== undefined) {
    result.patchFile = writePatch(options.patch, diff, { root, changed: changes.map((change) => change.path) });
  }
  if (!writes) return result;
  const written = await writeChanges(root, changes);
  result.written = true;
  if (baseline) {
    progress?.({ stage: 'verify', label: 'building and testing the rewritten project' });
    result.verification = verifyAfterApply(root, baseline);
    if (importBefore) {
      result.importTime = { before: importBefore };
      if (result.verification.build.ok && measureImportSnapshot) result.importTime.after = await measureImportSnapshot(root, { runs: importRuns, timeoutMs: options.importTimeoutMs, onProgress: progress });
    }
    progress?.({ stage: 'verify', label: 'verified', end: true });
    if (!result.verification.ok && !options.keepOnFailure) {
      await restoreFiles(root, written);
      rebuildAfterRestore(root, baseline);
      result.restored = true;
    }
  }
  return result;
}

/** Reading a half-written tree would show a state that never existed: the next writing apply settles it first. */
function refuseUnfinishedWrite(root: string): void {
  if (hasJournal(root)) {
    throw new LazifyError('unfinished-write', `${root} has an unfinished write (${JOURNAL_DIR}/): run \`lazify apply ${root}\` to finish or undo it first`);
  }
}

function readPlanFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new LazifyError('plan-not-found', `cannot read plan file ${path}`, path);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LazifyError('invalid-plan', `invalid plan: ${path} is not JSON (${(error as Error).message})`, path);
  }
}
