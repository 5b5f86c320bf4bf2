import type { Transform } from 'jscodeshift';
import type { z } from 'zod';

/**
 * When an operation runs, relative to the others in a plan. Splits run first because they
 * move declarations other operations may point at; registry conversions next; deferrals last,
 * since they only rewrite how already-placed imports are loaded.
 */
export type TransformPhase = 'split' | 'registry' | 'defer';

/** Metadata every transform exports beside its code (checked by a meta-test). */
export interface TransformMeta {
  /** Must match the transform's folder or file name in transforms/, `<old>-to-<new>`. */
  name: string;
  description: string;
  phase: TransformPhase;
  /** The options an operation of this transform carries, for `lazify transforms` and the docs. */
  options?: TransformOptionDoc[];
}

/** One option of a transform, as `lazify transforms` lists it. */
export interface TransformOptionDoc {
  name: string;
  /** One line: what it holds and its values. */
  description: string;
  /** Must be present in every operation (otherwise the transform has a default or skips it). */
  required?: boolean;
  /**
   * The user choice (a command-line flag, e.g. `deprecate` for `--deprecate`) that sets this
   * boolean option to true on every operation of the transform, also on a plan given to apply.
   */
  choice?: 'deprecate';
}

/**
 * How an operation writes a lazy load (its `moduleFormat` option; the module format itself,
 * ESM or CommonJS, is src/project's `ModuleFormat`): `cjs`, CommonJS output (`require`); `esm`,
 * native ESM (`await import()`, so only inside async functions); `esm-require`, native ESM whose
 * supported Node versions all `require()` ES modules (a `require` made by `createRequire`,
 * synchronous like CommonJS).
 */
export type LazyLoadFormat = 'cjs' | 'esm' | 'esm-require';

/** A file an operation creates (or replaces wholesale), relative to the project root. */
export interface PlannedFile {
  path: string;
  source: string;
  /**
   * True when `path` is an existing source the operation rewrites (a declaration a split moved
   * there), not a new file: such a file is not an overwrite conflict when it exists.
   */
  rewrites?: boolean;
}

/**
 * Why an operation, or one thing it names, cannot be carried out, found by the transform's own
 * logic before the operation is planned. The shape of lazify's diagnostics, plus `subject`.
 */
export interface TransformDiagnostic {
  /** Stable machine-readable code, e.g. `parse-error`, `not-deferrable`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** One line: why, naming the line where it can. */
  message: string;
  /** Root-relative file it is about. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** The option value it is about (one of `bindings`), when it is about one; absent when it is about the whole file. */
  subject?: string;
}

/** One path-valued option of an operation, as written in the plan. */
export interface OptionPath {
  /** Where it is in the options, e.g. `manifest`, `clusters[2].module`. */
  option: string;
  /** Root-relative path. */
  path: string;
}

/**
 * Read-only view of the project an operation runs on. In lazify this is the in-memory file
 * set (so an operation sees the output of the ones before it); under the jscodeshift CLI it
 * is the disk.
 */
export interface ProjectReader {
  /** Absolute project root. */
  root: string;
  /** Source of a file relative to the root, or undefined when it does not exist. */
  read(path: string): string | undefined;
}

/**
 * What a transform module in transforms/ exports. The default export has jscodeshift's
 * signature `(file, api, options)`, so `npx jscodeshift -t transforms/<name>/index.ts` runs it
 * on its own; lazify calls the same function through src/edits/run-operation.ts.
 */
export interface LazifyTransformModule {
  default: Transform;
  meta: TransformMeta;
  /** jscodeshift's parser for this transform (`ts`, `tsx`, `babel`); lazify picks by extension when absent. */
  parser?: string;
  /**
   * Multi-file operations: the files the operation creates, computed from its options and the
   * project as it is before the operation. lazify adds them to the file set before running the
   * default export over `PlanOperation.files`.
   */
  planFiles?(options: Record<string, unknown>, project: ProjectReader): PlannedFile[];
  /**
   * Split-like operations: the declarations the operation moves to another file. buildPlan
   * points later operations that name a moved declaration (`options.file` + `options.name`)
   * at its new file, so e.g. a deferral planned on `src/utils.ts#encoder` runs on the module
   * `encoder` moved to.
   */
  movedDeclarations?(options: Record<string, unknown>, project: ProjectReader): Array<{ from: string; name: string; to: string }>;
  /**
   * The options an operation carries, as a zod schema (declared beside the transform, in its
   * options file): JSON types, required keys, no unknown key. lazify checks every operation of a
   * plan against it before anything else reads the options, and schema/lazify.plan.schema.json
   * is generated from it (npm run schema).
   */
  optionsSchema: z.ZodType;
  /**
   * What the options' shape cannot say, checked on the project (a user may have edited the plan):
   * the files they name exist, the names they list are declared. Runs on options the
   * {@link optionsSchema} accepted, after lazify confined their paths ({@link optionPaths}).
   * Returns one line naming the problem, or undefined when the options are usable.
   */
  validateOptions?(options: Record<string, unknown>, project: ProjectReader): string | undefined;
  /**
   * Feasibility before planning: the transform's own checks of an operation with `options` on
   * `files` (what the planner cannot know without the transform's logic: whether each binding's
   * uses can move into functions, whether a registry module can take loaders). Reads only.
   * Returns why (parts of) the operation cannot be done; empty when it can.
   */
  check?(options: Record<string, unknown>, project: ProjectReader, files: string[]): TransformDiagnostic[];
  /** Values of the options an operation may leave out, computed from those it names (e.g. a manifest's path beside its registry). */
  defaultOptions?(options: Record<string, unknown>): Record<string, unknown>;
  /**
   * Lines for the plan's summary of an operation (what goes where), or one line naming why the
   * operation cannot be done. For transforms whose effect the planner cannot tell from the options.
   */
  describe?(options: Record<string, unknown>, project: ProjectReader): { lines: string[] } | { problem: string };
  /**
   * Every path-valued option (string values only; shapes are optionsSchema's job). lazify
   * confines each to the project root and to source files before the operation runs, so a
   * transform that names a path here need not check it itself.
   */
  optionPaths?(options: Record<string, unknown>): OptionPath[];
}
