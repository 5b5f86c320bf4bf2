import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import { findTransform } from '../../transforms/index.js';
import type { Finding } from '../findings/finding.js';
import type { DeferEagerInitOptions } from '../../transforms/defer-eager-init/options.js';
import type { DeferHeavyImportOptions } from '../../transforms/defer-heavy-import/options.js';
import type { TransformDiagnostic } from '../../transforms/transform-module.js';
import { outputModuleFormat } from './output-module-format.js';
import { projectSyntaxLevel } from '../project/syntax-level.js';
import { notPlanned, type PlanContext, type Planner, type PlannerResult } from './planner.js';
import type { PlanOperation } from './plan.js';

/** A top-level `const` built by calling imported package code, and whether it is exported. */
interface EagerConst {
  name: string;
  exported: boolean;
  /** The import binding the initialiser calls through (`getEncoding`, `z`). */
  calleeRoot: string;
}

/**
 * One defer-eager-init operation per value the finding's group builds at import: the finding
 * names the first (`encoder`), its siblings call the same import (nine `z.object(...)`
 * schemas are one finding). Each operation rewrites every source file that reads the value.
 */
export const eagerInitPlanner: Planner = {
  kinds: ['eager-init'],
  transform: 'defer-eager-init',
  plan(finding: Finding, context: PlanContext): PlannerResult {
    const facts = context.facts?.[finding.file];
    if (!facts) return { operations: [], skipped: [notPlanned(finding, 'no-facts', `no facts of ${finding.file}`)] };
    if (!finding.symbol) {
      return { operations: [], skipped: [notPlanned(finding, 'not-deferrable', 'the statements name no value for defer-eager-init to build on first use (the finding leaves them to a hand rewrite)')] };
    }
    const consts = eagerConsts(facts);
    const first = consts.find((c) => c.name === finding.symbol);
    if (!first) return { operations: [], skipped: [notPlanned(finding, 'not-deferrable', `${finding.symbol} is not a top-level const built from an import`)] };
    // `const log = debug('x')` while another module keeps `debug` loaded: building the value later
    // stops no module from loading, so the rewrite would be claimed for nothing.
    const why = / \(([^()]*keeps [^()]* loaded at import)\)/.exec(finding.message)?.[1];
    if (why && finding.cost.exclusiveBytes === 0 && finding.cost.exclusiveModules === 0) {
      return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `${finding.symbol} stays built at import: deferring it saves nothing (${why})`)] };
    }
    const moduleFormat = outputModuleFormat(finding.file, context.project);
    const allowApiChange = (context.choices as { allowApiChange?: boolean }).allowApiChange === true;
    const operations: PlanOperation[] = [];
    const skipped: Diagnostic[] = [];
    const group = consts.filter((c) => c.calleeRoot === first.calleeRoot);
    const readAtImport = valuesReadAtImport(facts, group.map((c) => c.name));
    for (const value of group) {
      const accessor = accessorCall(value.name, context);
      const line = readAtImport.get(value.name);
      if (line !== undefined) {
        skipped.push(notPlanned(finding, 'read-at-import', `${value.name} stays built at import: line ${line} of ${finding.file} reads it at import, so building it later saves nothing`, { file: finding.file, line }));
        continue;
      }
      if (moduleFormat === 'esm' && value.exported && !allowApiChange) {
        skipped.push(
          notPlanned(finding, 'api-change', `${value.name} stays built at import: it is an ES module export, so deferring it changes the module's API (users would call ${accessor}); pass --allow-api-change to accept that`),
        );
        continue;
      }
      const options: DeferEagerInitOptions = { file: finding.file, name: value.name, moduleFormat, ...(allowApiChange ? { allowApiChange } : {}), ...syntaxOption(finding.file, context, 2021) };
      operations.push({
        id: `${finding.id}#${value.name}`,
        transform: 'defer-eager-init',
        summary: `${value.name} in ${finding.file}: built on first use through ${accessor}${moduleFormat === 'cjs' && value.exported ? `, \`${value.name}\` kept as a getter export` : ''}`,
        // Every source file: any of them may read the value, and a split may have moved it.
        files: context.sourceFiles,
        options: options as unknown as Record<string, unknown>,
      });
    }
    return { operations, skipped };
  },
};

/** The call that replaces `name` after defer-eager-init (`getEncoder()`), as the transform describes it. */
function accessorCall(name: string, context: PlanContext): string {
  const described = findTransform('defer-eager-init')!.describe!({ name }, context.project);
  return 'lines' in described ? described.lines[0]! : name;
}

/**
 * One defer-heavy-import operation per package. The finding names one importer, but a package
 * is only freed when every file that imports it defers it, so the operation covers every source
 * file whose imports of the package can move into functions (for native ESM: only into async
 * functions). Files that cannot are named in `skipped`. A package imported by 67 files has 67
 * findings; the first plans the operation, the others add only their own file's reason (the same
 * operation again would rewrite the same files again for nothing).
 */
export const heavyImportPlanner: Planner = {
  kinds: ['heavy-import'],
  transform: 'defer-heavy-import',
  plan(finding: Finding, context: PlanContext): PlannerResult {
    if (finding.bindings) return planFactoryBindings(finding, context);
    // Known not convertible here (a class extends the package): the reason is the finding's.
    if (finding.blockers?.length) return { operations: [], skipped: finding.blockers.map((b) => notPlanned(finding, 'stays-eager', `${finding.file} keeps ${finding.target} at import: ${b}`)) };
    const target = finding.target ?? finding.symbol;
    if (!target) return { operations: [], skipped: [notPlanned(finding, 'no-target', 'no package named')] };
    // Another importer keeps the package loaded (the finder then claims only what this import
    // alone frees, here nothing): a rewrite would change code for no saving.
    if (finding.cost.exclusiveBytes === 0 && finding.cost.exclusiveModules === 0) {
      return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `deferring ${target} in ${finding.file} saves nothing: ${finding.message.replace(/^[^:]*: /, '')}`)] };
    }
    const scan = heavyImportScan(context, target);
    const skipped: Diagnostic[] = [];
    const own = scan.checkFile(finding.file);
    for (const reason of own?.reasons ?? []) skipped.push(fileNotPlanned(finding, finding.file, reason));
    // One format per operation: the finding's file decides (a project does not mix them per package).
    const moduleFormat = outputModuleFormat(finding.file, context.project);
    if (scan.plannedFormats.has(moduleFormat)) return { operations: [], skipped };
    const files: string[] = [];
    const names = new Set<string>();
    // Files that keep a top-level import of the package after the rewrite, with why.
    const keepers = new Map<string, string>();
    for (const file of [finding.file, ...context.sourceFiles.filter((f) => f !== finding.file)]) {
      const checked = scan.checkFile(file);
      if (!checked) continue;
      if (checked.reasons.length > 0) keepers.set(file, checked.reasons[0]!.message);
      // A file no parser reads is named whichever importer it is: the package stays loaded through it.
      if (checked.unparsable && file !== finding.file) for (const reason of checked.reasons) skipped.push(fileNotPlanned(finding, file, reason));
      if (checked.deferrable.length === 0) continue;
      files.push(file);
      checked.deferrable.forEach((name) => names.add(name));
    }
    // The saving is real only when no importer reachable from the entry keeps the package at
    // the top level: name the first one that does, and plan nothing.
    const keeper = staticKeeper(target, keepers, files, context);
    if (files.length > 0 && keeper) {
      return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `${target} stays loaded at import: ${keeper.text}; deferring it in ${files.join(', ')} alone would save nothing`, keeper)] };
    }
    if (files.length === 0) return { operations: [], skipped: skipped.length ? skipped : [notPlanned(finding, 'not-deferrable', `no deferrable import of ${target}`)] };
    scan.plannedFormats.add(moduleFormat);
    const options: DeferHeavyImportOptions = { bindings: [...names], moduleFormat, ...syntaxOption(finding.file, context, 2015) };
    return {
      operations: [
        {
          id: finding.id,
          transform: 'defer-heavy-import',
          summary: `load ${target} (${[...names].join(', ')}) inside the functions that use it, in ${files.join(', ')}`,
          files,
          options: options as unknown as Record<string, unknown>,
        },
      ],
      skipped,
    };
  },
};

/** One file's imports of a package: the deferrable bindings, and why the others are not. */
interface CheckedFile {
  deferrable: string[];
  reasons: Reason[];
  /** No parser reads the file: the operation cannot rewrite it either. */
  unparsable?: boolean;
}

/** Per plan and package: each file checked once, and the formats an operation was already planned for. */
interface HeavyImportScan {
  checkFile(file: string): CheckedFile | undefined;
  plannedFormats: Set<string>;
}

const heavyImportScans = new WeakMap<PlanContext, Map<string, HeavyImportScan>>();

/**
 * The files of `context` checked for deferring `target`, each parsed at most once per plan:
 * every finding of a package looks at the same files.
 */
function heavyImportScan(context: PlanContext, target: string): HeavyImportScan {
  let byTarget = heavyImportScans.get(context);
  if (!byTarget) heavyImportScans.set(context, (byTarget = new Map()));
  const existing = byTarget.get(target);
  if (existing) return existing;
  const checked = new Map<string, CheckedFile | undefined>();
  const scan: HeavyImportScan = {
    plannedFormats: new Set(),
    checkFile(file) {
      if (checked.has(file)) return checked.get(file);
      const result = checkFileImports(file, context, target);
      checked.set(file, result);
      return result;
    },
  };
  byTarget.set(target, scan);
  return scan;
}

/** Why a binding cannot be deferred: the transform's check (its code, its message, the line it names). */
type Reason = Pick<Diagnostic, 'code' | 'severity' | 'message' | 'line'>;

/** `reason` about `file` as a diagnostic of `finding`; the message starts with the file, as the plan lists it. */
function fileNotPlanned(finding: Finding, file: string, reason: Reason): Diagnostic {
  return notPlanned(finding, reason.code, `${file}: ${reason.message}`, { file, line: reason.line }, reason.severity);
}

function checkFileImports(file: string, context: PlanContext, target: string): CheckedFile | undefined {
  const scan = scanPackageBindings(file, context);
  if (!scan) return undefined;
  const bindings = bindingsOf(scan, target);
  if (bindings.length === 0) return undefined;
  const reasons: Reason[] = [];
  let unparsable = false;
  const deferrable = bindings.filter((name) => {
    const check = deferrability(scan, file, name, context);
    if (!check.ok) reasons.push(check.reason ?? { code: 'not-deferrable', severity: 'info', message: `${name} cannot be deferred` });
    if (check.unparsable) unparsable = true;
    return check.ok;
  });
  return unparsable ? { deferrable, reasons: [reasons[0]!], unparsable } : { deferrable, reasons };
}

/**
 * `{ syntaxLevel }` for an operation on a JavaScript file when the project's level (decided once,
 * in src/project) is below `needed`, the edition of the newest construct the transform writes;
 * TypeScript is compiled down to its target, and an unlimited project needs no option.
 */
function syntaxOption(file: string, context: PlanContext, needed: number): { syntaxLevel?: number } {
  if (/\.[mc]?tsx?$/.test(file)) return {};
  const { level } = projectSyntaxLevel(context.project);
  return level < needed ? { syntaxLevel: level } : {};
}

/**
 * The first importer reachable from the entry that keeps `target` at the top level after the
 * rewrite of `rewritten`, as `file:line keeps it at the top level (why)` (`text`), and where. With the graph, every
 * eager importer counts (re-exports and side-effect imports of the package itself too); without
 * it, the source files whose bindings cannot move.
 */
function staticKeeper(target: string, keepers: ReadonlyMap<string, string>, rewritten: readonly string[], context: PlanContext): { text: string; file: string; line?: number } | undefined {
  if (!context.graph) {
    const [file, reason] = [...keepers].find(([f]) => !rewritten.includes(f)) ?? [...keepers][0] ?? [];
    return file ? { text: `${file} keeps it at the top level (${reason})`, file } : undefined;
  }
  for (const node of Object.values(context.graph.modules)) {
    if (node.kind !== 'local') continue;
    // A side-effect import of a subpath (`import 'openai/shims/node'`) loads only that subpath.
    const edges = node.imports.filter((e) => e.to === target && !e.lazy && !(e.kind === 'side-effect' && e.specifier !== target));
    if (edges.length === 0) continue;
    const reason = keepers.get(node.id) ??
      (edges.some((e) => e.kind === 're-export') ? 're-exports it' : edges.some((e) => e.kind === 'side-effect') ? 'imports it for its side effects' : rewritten.includes(node.id) ? undefined : 'its import of it is not rewritten');
    if (reason) return { text: `${node.id}:${edges[0]!.line} keeps it at the top level (${reason})`, file: node.id, line: edges[0]!.line };
  }
  return undefined;
}

/**
 * A factory's provider imports (the finding names the bindings): one operation on the factory's
 * file, loading each inside the branch that picks it. Native ESM loads asynchronously, so only
 * an async factory converts; a synchronous one stays, with the reason.
 */
function planFactoryBindings(finding: Finding, context: PlanContext): PlannerResult {
  const fn = finding.symbol ?? 'the factory';
  if (finding.blockers?.length) return { operations: [], skipped: finding.blockers.map((b) => notPlanned(finding, 'stays-eager', `${fn} stays eager: ${b}`)) };
  if (!context.facts?.[finding.file]) return { operations: [], skipped: [notPlanned(finding, 'no-facts', `the analysis has no facts of ${finding.file}`)] };
  // The finder claims what this file's imports alone keep loaded: nothing, when other modules
  // import the providers too; a rewrite would change code for no saving.
  if (finding.cost.exclusiveBytes === 0 && finding.cost.exclusiveModules === 0) {
    return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `loading ${fn}'s providers in their branches would save nothing: ${finding.notFreed ?? 'no module stops loading at import'}`)] };
  }
  const moduleFormat = outputModuleFormat(finding.file, context.project);
  const wanted = finding.bindings ?? [];
  const problems = wanted.length > 0 ? deferChecks(finding.file, wanted, moduleFormat, context) : [];
  const unparsable = problems.find((p) => p.subject === undefined);
  if (unparsable) return { operations: [], skipped: [fileNotPlanned(finding, finding.file, unparsable)] };
  const skipped: Diagnostic[] = [];
  const bindings = wanted.filter((name) => {
    const problem = problems.find((p) => p.subject === name);
    if (problem) {
      const reason = moduleFormat === 'esm' && /synchronous function/.test(problem.message)
        ? `${name} stays a top-level import: ${problem.message}, which would change ${fn}'s API for its callers (they would have to await it)`
        : `${name} stays a top-level import: ${problem.message}`;
      skipped.push(fileNotPlanned(finding, finding.file, { ...problem, message: reason }));
    }
    return !problem;
  });
  if (bindings.length === 0) return { operations: [], skipped };
  const options: DeferHeavyImportOptions = { bindings, moduleFormat, ...syntaxOption(finding.file, context, 2015) };
  return {
    operations: [
      {
        id: finding.id,
        transform: 'defer-heavy-import',
        summary: `${fn} in ${finding.file}: load ${bindings.join(', ')} inside the branch that picks each`,
        files: [finding.file],
        options: options as unknown as Record<string, unknown>,
      },
    ],
    skipped,
  };
}

/** Top-level consts whose initialiser calls or constructs something reached through a package import. */
export function eagerConsts(facts: ModuleFacts): EagerConst[] {
  const packageBindings = new Set(facts.bindings.filter((b) => !b.typeOnly && !b.specifier.startsWith('.')).map((b) => b.local));
  return (facts.builtConsts ?? []).filter((c) => packageBindings.has(c.calleeRoot)).map(({ name, exported, calleeRoot }) => ({ name, exported, calleeRoot }));
}

/**
 * Which of `names` (top-level consts of the module) the module reads while it is imported, each
 * with the line of the first such read: a read outside any function in a top-level statement,
 * other than in the initialiser of another of `names` that is itself not read at import (that
 * one is deferred too, so its read moves with it). `embedderRef({ configSchema: Schema })` at the
 * top level builds `Schema` at import whatever the rewrite does, and so does every schema it uses.
 */
export function valuesReadAtImport(facts: ModuleFacts, names: string[]): Map<string, number> {
  const wanted = new Set(names);
  const reads = (facts.importTimeReads ?? []).map((statement) => ({
    declares: statement.declares !== undefined && wanted.has(statement.declares) ? statement.declares : undefined,
    names: statement.reads.filter((r) => wanted.has(r.name)),
  }));
  const atImport = new Map<string, number>();
  // Fixpoint: a deferred value's initialiser reads later; once a value is found read at import,
  // its own initialiser's reads run at import too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of reads) {
      if (statement.declares !== undefined && !atImport.has(statement.declares)) continue;
      for (const { name, line } of statement.names) {
        if (name === statement.declares || atImport.has(name)) continue;
        atImport.set(name, line);
        changed = true;
      }
    }
  }
  return atImport;
}

/** One file's package bindings and, once asked, whether each can move into the functions using it. */
interface PackageBindingScan {
  /** `{ specifier, local }` per import or require of a package (not a relative path). */
  bindings: Array<{ specifier: string; local: string }>;
  checks?: Map<string, Deferrability>;
}

// Each heavy-import finding looks at every file importing its package: without these, a package
// of 900 files with 60 findings checked each file once per finding (minutes of plan for webpack).
const scans = new WeakMap<PlanContext, Map<string, PackageBindingScan>>();

/** The package bindings of `file` (from its facts), and their checks once asked; undefined without facts. */
function scanPackageBindings(file: string, context: PlanContext): PackageBindingScan | undefined {
  let perFile = scans.get(context);
  if (!perFile) scans.set(context, (perFile = new Map()));
  const known = perFile.get(file);
  if (known) return known;
  const facts = context.facts?.[file];
  if (!facts) return undefined;
  // Imports and requires (also wrapped by an interop helper, `__toESM(require('m'), 1)` in bundles) of a package.
  const bindings = facts.bindings.filter((b) => !b.typeOnly && !b.specifier.startsWith('.')).map(({ specifier, local }) => ({ specifier, local }));
  const scan = { bindings };
  perFile.set(file, scan);
  return scan;
}

/** Whether a binding can be deferred, and if not why. */
interface Deferrability {
  ok: boolean;
  reason?: Reason;
  unparsable?: boolean;
}

/** Whether `name` can be deferred in `file`; the transform checks the file once for all its package bindings. */
function deferrability(scan: PackageBindingScan, file: string, name: string, context: PlanContext): Deferrability {
  if (!scan.checks) {
    const locals = [...new Set(scan.bindings.map(({ local }) => local))];
    const problems = deferChecks(file, locals, outputModuleFormat(file, context.project), context);
    const unparsable = problems.find((p) => p.subject === undefined);
    if (unparsable) {
      // The operation could not rewrite this file either: it is left out, with the reason.
      const failure = { ok: false, reason: unparsable, unparsable: true };
      scan.checks = new Map(locals.map((local) => [local, failure]));
      return failure;
    }
    scan.checks = new Map(locals.map((local) => {
      const problem = problems.find((p) => p.subject === local);
      return [local, problem ? { ok: false, reason: problem } : { ok: true }];
    }));
  }
  return scan.checks.get(name) ?? { ok: false, reason: { code: 'not-deferrable', severity: 'info', message: `${name} is not bound by an import of a package` } };
}

/** One file's checks for one module format: each binding's problem (null: none), or why no parser reads the file. */
interface FileDeferChecks {
  bindings: Map<string, TransformDiagnostic | null>;
  unparsable?: TransformDiagnostic;
}

// A factory's findings (one per method of a generated client, dozens in one file) ask about the
// same bindings of the same file: the check parses the file, so it runs once per plan, file and
// format, and later questions get the answers already found.
const deferCheckCache = new WeakMap<PlanContext, Map<string, FileDeferChecks>>();

/**
 * The defer-heavy-import transform's own check of `bindings` in `file` (see its `check`), one
 * diagnostic per binding that cannot move, or one without a subject for a file no parser reads.
 * Each binding is checked once per plan; only names not asked about before parse the file again.
 */
function deferChecks(file: string, bindings: string[], moduleFormat: 'cjs' | 'esm', context: PlanContext): TransformDiagnostic[] {
  const check = (names: string[]) => findTransform('defer-heavy-import')!.check!({ bindings: names, moduleFormat }, context.project, [file]);
  let perFile = deferCheckCache.get(context);
  if (!perFile) deferCheckCache.set(context, (perFile = new Map()));
  const key = `${moduleFormat}\0${file}`;
  const known: FileDeferChecks = perFile.get(key) ?? { bindings: new Map() };
  perFile.set(key, known);
  if (known.unparsable) return [known.unparsable];
  const names = [...new Set(bindings)];
  const missing = names.filter((name) => !known.bindings.has(name));
  if (missing.length > 0) {
    const problems = check(missing);
    // Options the transform rejects (a name that is no identifier) are nothing to remember: the
    // whole question is asked as it was, for the transform's own answer.
    if (problems.some((p) => p.code === 'invalid-options')) return check(bindings);
    const unparsable = problems.find((p) => p.subject === undefined);
    if (unparsable) {
      known.unparsable = unparsable;
      return [unparsable];
    }
    for (const name of missing) known.bindings.set(name, problems.find((p) => p.subject === name) ?? null);
  }
  return names.map((name) => known.bindings.get(name)).filter((problem): problem is TransformDiagnostic => !!problem);
}

/** Local names bound by imports or requires of `target` (a package name) in a scanned file. */
function bindingsOf(scan: PackageBindingScan, target: string): string[] {
  return scan.bindings.filter(({ specifier }) => specifier === target || specifier.startsWith(`${target}/`)).map(({ local }) => local);
}
