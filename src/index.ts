// lazify's public API, the entry a library user imports: the commands, each an async function
// that loads its slice of src/api/ with import() when called (as dependency-cruiser's
// main/cruise.mjs loads its stages), so importing lazify loads none of the pipeline, no
// TypeScript, ts-morph or jscodeshift. The slices themselves (`lazify-imports/analyze`,
// `/measure`, `/plan-and-apply`, `/transforms`, `/config`, `/check`, `/errors`) hold the
// synchronous stages and reporters; every type of theirs is re-exported here.
import type { AnalysisResult, AnalyzeOptions, WhyOptions, WhyResult } from './api/analyze.js';
import type { CheckOptions, CheckResult } from './api/check.js';
import type { LazifyConfig, LoadConfigOptions } from './api/config.js';
import type { ImportTimeResult, MeasureOptions } from './api/measure.js';
import type { ApplyOptions, ApplyResult, PlanOptions, PlanResult } from './api/plan-and-apply.js';
import type { TransformSummary } from './api/transforms.js';

export * from './api/errors.js';

/** A call's `cacheDir` covers TypeScript's compiled code too, when that call is the one that loads TypeScript. */
async function keepCompiledCodeIn(cacheDir: string | false | undefined): Promise<void> {
  if (cacheDir !== undefined) (await import('./api/compiled-code.js')).keepCompiledCodeIn(cacheDir);
}

export type * from './api/analyze.js';
export type * from './api/report.js';
export type * from './api/measure.js';
export type * from './api/plan-and-apply.js';
export type * from './api/transforms.js';
export type * from './api/config.js';
export type * from './api/check.js';

/**
 * Statically analyses the package in `dir`: why importing it is slow and what to make lazy.
 * Reads only. (`lazify-imports/analyze` has the synchronous `analyze()` and the stages.)
 */
export async function analyze(dir: string, options?: AnalyzeOptions): Promise<AnalysisResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  // An unchanged project's kept analysis needs no parser: the light slice answers it.
  return (await import('./api/report.js')).keptAnalysis(dir, options) ?? (await import('./api/analyze.js')).analyze(dir, options);
}

/** {@link analyze}, plus real import times measured in child processes (runs the package's code). */
export async function analyzeMeasured(dir: string, options?: Omit<AnalyzeOptions, 'measure'> & MeasureOptions): Promise<AnalysisResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  return (await import('./api/analyze.js')).analyzeMeasured(dir, options);
}

/** Why does importing the package in `dir` load `module` (a path, module id or package name)? */
export async function why(module: string, dir: string, options?: WhyOptions): Promise<WhyResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  return (await import('./api/report.js')).keptWhy(module, dir, options) ?? (await import('./api/analyze.js')).why(module, dir, options);
}

/** Real import time per module of `target` (a package directory or a file), in child processes. */
export async function measure(target: string, options?: MeasureOptions): Promise<ImportTimeResult> {
  return (await import('./api/measure.js')).measure(target, options);
}

/** Analyses the project in `dir` and turns its findings into a plan. Reads only. */
export async function plan(dir: string, options?: PlanOptions): Promise<PlanResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  return (await import('./api/plan-and-apply.js')).plan(dir, options);
}

/** Applies a plan (given, or made now) to the project in `dir`: in memory first, then all files or none. */
export async function apply(dir: string, options?: ApplyOptions): Promise<ApplyResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  return (await import('./api/plan-and-apply.js')).apply(dir, options);
}

/** Checks the import of the package in `dir` against budgets and a baseline. */
export async function check(dir: string, options?: CheckOptions): Promise<CheckResult> {
  await keepCompiledCodeIn(options?.cacheDir);
  return (await import('./api/check.js')).check(dir, options);
}

/** Every transform lazify can run, in the order apply runs their phases. */
export async function listTransforms(): Promise<TransformSummary[]> {
  return (await import('./api/transforms.js')).listTransforms();
}

/** The config of the project at `root` (lazify.config.* or package.json "lazify"), validated. */
export async function loadConfig(root: string, options?: LoadConfigOptions): Promise<LazifyConfig> {
  return (await import('./api/config.js')).loadConfig(root, options);
}
