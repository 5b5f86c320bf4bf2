// The shapes the orchestrators hand out, in one place: each command's options and result. The
// reporters (src/report/) read these and nothing of the orchestrators, so a reporter never loads
// a stage, and a reader finds every command's input and output side by side.
import type { TransformOptionDoc, TransformPhase } from '../../transforms/index.js';
import type { CheckBaseline, ImportMetrics, MetricVerdict } from '../budgets/evaluate-budgets.js';
import type { Budgets } from '../config/lazify-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgressListener } from '../diagnostics/progress.js';
import type { FileChange } from '../edits/file-set.js';
import type { FormatResult } from '../edits/format-changed-files.js';
import type { OperationResult } from '../edits/run-operation.js';
import type { Recovery } from '../edits/write-journal.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import type { SuppressedFinding, SuppressionOptions, SuppressionSummary } from '../findings/apply-suppressions.js';
import type { Finding } from '../findings/finding.js';
import type { ImportChain } from '../graph/find-import-chains.js';
import type { ModuleCost } from '../graph/module-cost.js';
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ImportTimeResult } from '../measure/import-time.js';
import type { Plan } from '../plan/plan.js';
import type { PlanChoices } from '../plan/planner.js';
import type { Project } from '../project/load-project.js';
import type { BlockedOperation } from '../verify/block-type-errors.js';
import type { ImportBeforeAfter } from '../verify/import-before-after.js';
import type { LintResult } from '../verify/lint-changed-files.js';
import type { TypeDiagnostic } from '../verify/typecheck-changes.js';
import type { Verification } from '../verify/verify-apply.js';

// analyze and why

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Entry file override, relative to the project dir or absolute. */
  entry?: string;
  /** Not supported here: real import times come from `analyzeMeasured()`, which is async. */
  measure?: boolean;
  /**
   * Which findings to report (kinds, minimum saving, ignore rules, a baseline); usually the
   * config's. `// lazify-ignore` comments in the sources always apply.
   */
  suppressions?: Omit<SuppressionOptions, 'comments'>;
  /** Told how far the graph and facts stages have got, for a progress display; analysis never prints. */
  onProgress?: ProgressListener;
  /**
   * Where what was read of installed files is kept between analyses (never in the project);
   * false keeps nothing. Default: `LAZIFY_CACHE_DIR`, else `$XDG_CACHE_HOME/lazify`, else
   * `~/.cache/lazify`, none when `LAZIFY_DISABLE_CACHE` is set. Through the main entry's
   * functions it also says where TypeScript's compiled code is kept, when the call is the one
   * that loads TypeScript; the synchronous slices load it on import, where only the
   * environment decides.
   */
  cacheDir?: string | false;
}

/** Everything `lazify analyze` found out. Plain data apart from `cost`'s lookup functions. */
export interface AnalysisResult {
  /** Absolute project root. */
  root: string;
  /** Package name from package.json, when it has one. */
  packageName?: string;
  /** Entry module id. */
  entry: string;
  /** Where the entry came from (`--entry`, package.json exports/main/module, index file). */
  entrySource: Project['entrySource'];
  graph: ModuleGraph;
  cost: ModuleCost;
  facts: Record<string, ModuleFacts>;
  /** Findings to report, biggest exclusive saving first (suppressed ones left out). */
  findings: Finding[];
  /** Findings not reported, and why (kind off, below minSaving, ignore rule, inline comment, baseline). */
  suppressed: SuppressedFinding[];
  /** How many findings each suppression left out. */
  suppression: SuppressionSummary;
  /** Every stage's diagnostics. */
  diagnostics: Diagnostic[];
  /** Measured import times, from `analyzeMeasured()` / `analyze --measure`. */
  importTime?: ImportTimeResult;
}

/** Options of {@link why}. */
export interface WhyOptions {
  entry?: string;
  /** Most chains to list (default 10). */
  limit?: number;
  /** Directory relative module paths are read against (default: the process's). */
  cwd?: string;
  /** As {@link AnalyzeOptions.cacheDir}. */
  cacheDir?: string | false;
}

/** Answer of `lazify why`: how the entry reaches a module. */
export interface WhyResult {
  root: string;
  entry: string;
  /** The module id the query matched. */
  target: string;
  /** Shortest import chains, eager ones first. */
  chains: ImportChain[];
  /** What the target keeps loaded on its own, when it loads eagerly. */
  exclusiveBytes: number;
  exclusiveModules: number;
  diagnostics: Diagnostic[];
}


// check

/** Options of {@link check}. */
export interface CheckOptions {
  /** Entry file override, relative to the project dir or absolute. */
  entry?: string;
  /** The budgets (usually the config's, with the CLI's --max-* flags on top). */
  budgets?: Budgets;
  /** An accepted run's metrics: growth past them fails. */
  baseline?: CheckBaseline;
  /** Measure the import time (runs the package's code in child processes). Default true. */
  measure?: boolean;
  /** Fresh processes for the import and for the bare node start (default 5 each). */
  runs?: number;
  /** Milliseconds before an import run is killed (default 30 000). */
  timeoutMs?: number;
  /** Run TypeScript sources through tsx even when a build exists. */
  tsx?: boolean;
  /** As {@link AnalyzeOptions.cacheDir}. */
  cacheDir?: string | false;
}

/** What `lazify check` found: the metrics, each against its budget and the baseline. */
export interface CheckResult {
  root: string;
  packageName?: string;
  /** Entry module id. */
  entry: string;
  metrics: ImportMetrics;
  /** The budgets checked (time budgets left out when the import was not measured). */
  budgets: Budgets;
  /** False when the import time was not measured (`measure: false`). */
  measured: boolean;
  verdicts: MetricVerdict[];
  /** True when no metric is over its budget or grew past the baseline. */
  passed: boolean;
  /** The measurement behind the time metrics, when measured. */
  timing?: {
    /** Import runs aggregated. */
    runs: number;
    /** Median bare `node -e 0` start, in ms. */
    nodeStartMs: number;
    /** The file that ran (build output, or the source through tsx). */
    ran: string;
  };
  diagnostics: Diagnostic[];
}


// plan and apply

/** Options of {@link plan}. */
export interface PlanOptions extends PlanChoices {
  /** Entry file override, as for analyze. */
  entry?: string;
  /** As {@link AnalyzeOptions.cacheDir}. */
  cacheDir?: string | false;
  /** Told how far analysis (and, in apply, the later stages) got, for a progress display. */
  onProgress?: ProgressListener;
  /**
   * Globs (root-relative) of files to rewrite although they are not part of the package
   * (tests, scripts, examples): by default only modules reachable from the entry or under
   * the source root (tsconfig rootDir, or the entry's folder) are, tests and scripts excepted.
   */
  include?: string[];
  /** Globs (root-relative) of files never to rewrite, even when they are part of the package; they win over `include`. */
  exclude?: string[];
  /**
   * Findings not to plan for: kinds turned off and ignore rules (the config's); findings a
   * `// lazify-ignore` comment silences are never planned either. A baseline does not apply:
   * known findings are still worth fixing.
   */
  suppressions?: Pick<SuppressionOptions, 'kinds' | 'ignore'>;
}

/** A plan and what was left out of it. */
export interface PlanResult {
  plan: Plan;
  /**
   * Findings (or parts of one) that got no operation, and operations dropped (a conflict, a
   * path outside the project, an excluded file): each with its `code`, the `finding` and,
   * for a dropped operation, the `operation` it is about, and the file and line where known.
   */
  skipped: Diagnostic[];
}

/** Options of {@link apply}. */
export interface ApplyOptions extends PlanOptions {
  /** A plan (parsed JSON, possibly edited by a user) or a path to one; default: plan from analysis now. */
  plan?: unknown;
  /** Compute and return the diff; write nothing. */
  dryRun?: boolean;
  /** Write a `git apply`-able patch to this path instead of changing the project. */
  patch?: string;
  /**
   * Apply even though the git work tree has uncommitted changes, and keep operations whose
   * rewrite adds type errors (they are still listed, in `typeErrors`).
   */
  force?: boolean;
  /** TypeScript projects: check the rewrite against the project's tsconfig before writing (default true). */
  typecheck?: boolean;
  /** After writing: build, run the project's tests, compare the entry's export names. */
  verify?: boolean;
  /**
   * Format the changed files with the project's own formatter (prettier, biome or dprint, when
   * configured and installed), each only if it was clean before. Default true.
   */
  format?: boolean;
  /**
   * Lint the changed files with the project's own ESLint (when configured and installed),
   * before and after, and list the problems the rewrite adds. Default true.
   */
  lint?: boolean;
  /** When verification fails, leave the written files instead of restoring them. */
  keepOnFailure?: boolean;
  /**
   * With `verify`: fresh processes for measuring the entry's import before writing and after
   * (medians; default 3). 0 measures nothing.
   */
  importRuns?: number;
  /** With `verify`: seconds before an import measurement run is killed as hung (default 30). */
  importTimeoutMs?: number;
}

/** What apply did (or, with dryRun/patch, would do). */
export interface ApplyResult {
  root: string;
  plan: Plan;
  /** What the plan left out, as in {@link PlanResult} (empty for a plan given to apply). */
  skipped: Diagnostic[];
  operations: OperationResult[];
  changes: FileChange[];
  /** Unified diff of all changes (git style). */
  diff: string;
  /** True when the project's files were written. */
  written: boolean;
  /** Absolute path of the patch file, when one was written. */
  patchFile?: string;
  verification?: Verification;
  /** With `verify`: the entry's import measured before writing and after (`after` absent when the build failed). */
  importTime?: ImportBeforeAfter;
  /** What the project's formatter did to the changed files (absent with `format: false`). */
  formatting?: FormatResult;
  /** What the project's ESLint found new in the changed files (absent without ESLint or with `lint: false`). */
  lint?: LintResult;
  /** Set when verification failed and every written file was put back as it was. */
  restored?: boolean;
  /** Set when this run found a write an earlier run left unfinished, and finished or undid it (then it did nothing else). */
  recovery?: Recovery;
  /** Operations left out because their rewrite adds type errors (none with `force`). */
  blocked: BlockedOperation[];
  /** With `force`: the type errors the written rewrite adds. */
  typeErrors: TypeDiagnostic[];
}


// transforms

/** One transform as `lazify transforms` lists it. */
export interface TransformSummary {
  /** The name plan operations use (`transform`), also its folder in transforms/. */
  name: string;
  description: string;
  /** When apply runs it relative to the others: split, registry, defer. */
  phase: TransformPhase;
  options: TransformOptionDoc[];
}
