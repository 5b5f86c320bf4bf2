// god-module-to-focused-modules: splits a module that many others import for one helper each
// into focused modules, rewrites importers to the module they need, and leaves a re-export
// shim at the old path. Run by lazify's plan, or alone:
//   npx jscodeshift --parser ts -t transforms/god-module-to-focused-modules/index.ts \
//     --plan=plan.json src/utils.ts src/providers/*.ts
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import type { API, FileInfo, Options } from 'jscodeshift';
import type { PlannedFile, ProjectReader, TransformMeta } from '../transform-module.js';
import { assignDeclarations, type Assignment } from './assign-declarations.js';
import { styleOf, type ExtensionStyle } from './module-specifiers.js';
import { readGodModule, type GodModuleLayout } from './read-god-module.js';
import { renderSplit, type RenderedSplit } from './render-focused-modules.js';
import { rewriteImporter } from './rewrite-importers.js';
import { readSplitOptions, type SplitOptions } from './split-options.js';

export { optionPaths, optionsSchema } from './split-options.js';

export const meta: TransformMeta = {
  name: 'god-module-to-focused-modules',
  description: 'Split a god-module into focused modules, rewrite importers to them, keep a re-export shim at the old path.',
  phase: 'split',
  options: [
    { name: 'module', required: true, description: 'the god-module, root-relative; it becomes a re-export shim' },
    { name: 'clusters', required: true, description: '[{ module, exports }]: each new module and the export names that move there' },
    { name: 'shared', description: 'where private helpers used by several new modules go (default <module>/shared.<ext>)' },
    { name: 'importers', description: 'files whose imports of module are rewritten to the focused modules' },
    { name: 'deprecate', choice: 'deprecate', description: 'put @deprecated on the shim\'s re-exports, pointing at the new module' },
    { name: 'extension', description: 'js, none or ts: how new relative specifiers end (detected when absent)' },
  ],
};

export const parser = 'ts';

/** The whole split computed from the god-module's current source, or why it cannot be done. */
interface SplitResult {
  options: SplitOptions;
  layout: GodModuleLayout;
  assignment: Assignment;
  rendered: RenderedSplit;
  /** Export name -> the file it now lives in, for rewriting importers. */
  movedTo: Map<string, string>;
}

function computeSplit(options: SplitOptions, project: ProjectReader): SplitResult | string {
  const source = project.read(options.module);
  if (source === undefined) return `${options.module} does not exist`;
  const layout = readGodModule(options.module, source);
  const assignment = assignDeclarations(layout, options);
  if (assignment.problems.length > 0) return assignment.problems[0]!;
  const clusterModules = new Set<string>();
  for (const cluster of options.clusters) {
    if (cluster.module === options.module) return `cluster "${cluster.module}" is the god-module itself`;
    if (clusterModules.has(cluster.module)) return `two clusters are both named ${cluster.module}`;
    clusterModules.add(cluster.module);
  }
  const movedTo = new Map<string, string>();
  for (const cluster of options.clusters) for (const name of cluster.exports) if (layout.exports.has(name)) movedTo.set(name, cluster.module);
  const rendered = renderSplit(layout, assignment, options, extensionStyle(options, layout));
  return { options, layout, assignment, rendered, movedTo };
}

function extensionStyle(options: SplitOptions, layout: GodModuleLayout): ExtensionStyle {
  if (options.extension) return options.extension;
  const styles = layout.relativeSpecifiers.map(styleOf);
  return styles.includes('js') ? 'js' : styles.includes('ts') ? 'ts' : 'none';
}

/** True when no cluster export is declared in the module any more: the split has been applied. */
function alreadySplit(result: SplitResult): boolean {
  return result.movedTo.size === 0;
}

/** The names each cluster lists that the module neither declares nor re-exports. */
function missingExports(options: SplitOptions, layout: GodModuleLayout): string[] {
  const reExported = new Set(layout.statements.flatMap((s) => s.reExportNames ?? []));
  // `export *` / `...require()` may re-export any name: only a load could tell, so trust the plan.
  if (reExported.has('*')) return [];
  return options.clusters.flatMap((c) => c.exports).filter((n) => !layout.exports.has(n) && !reExported.has(n));
}

/** What the options' shape cannot say: the god-module declares what the clusters name, and the new modules do not exist yet. */
export function validateOptions(raw: Record<string, unknown>, project: ProjectReader): string | undefined {
  const options = raw as unknown as SplitOptions;
  const result = computeSplit(options, project);
  if (typeof result === 'string') return result;
  const missing = missingExports(options, result.layout);
  if (missing.length > 0) return `${options.module} does not export ${missing.map((n) => `"${n}"`).join(', ')}`;
  if (!alreadySplit(result)) {
    for (const file of result.rendered.created) {
      if (project.read(file.path) !== undefined) return `${file.path} already exists; name the cluster's module differently`;
    }
  }
  return undefined;
}

/** Where each declaration goes, for the printed plan: per target file, its exports and private helpers. */
export function describeSplit(raw: Record<string, unknown>, project: ProjectReader): Array<{ module: string; exports: string[]; helpers: string[] }> | string {
  const result = computeSplit(readSplitOptions(raw), project);
  if (typeof result === 'string') return result;
  const exported = new Set(result.layout.exports.values());
  const targets = new Map<string, { module: string; exports: string[]; helpers: string[] }>();
  result.layout.statements.forEach((s, i) => {
    const module = result.assignment.statementTarget[i]!;
    if (!module || module === result.options.module || s.kind !== 'declaration') return;
    if (!targets.has(module)) targets.set(module, { module, exports: [], helpers: [] });
    for (const name of s.declares) {
      if (exported.has(name)) targets.get(module)!.exports.push(...[...result.layout.exports].filter(([, l]) => l === name).map(([n]) => n));
      else targets.get(module)!.helpers.push(name);
    }
  });
  return [...targets.values()];
}

/** The plan's lines for a split: each new module with the exports (and private helpers) it gets, or why it cannot be done. */
export function describe(raw: Record<string, unknown>, project: ProjectReader): { lines: string[] } | { problem: string } {
  const placement = describeSplit(raw, project);
  if (typeof placement === 'string') return { problem: placement };
  return { lines: placement.map((t) => `${t.module}: ${t.exports.join(', ') || '(no exports)'}${t.helpers.length ? ` (private: ${t.helpers.join(', ')})` : ''}`) };
}

export function movedDeclarations(raw: Record<string, unknown>, project: ProjectReader): Array<{ from: string; name: string; to: string }> {
  const placement = describeSplit(raw, project);
  if (typeof placement === 'string') return [];
  const from = readSplitOptions(raw).module;
  return placement.flatMap((t) => [...t.exports, ...t.helpers].map((name) => ({ from, name, to: t.module })));
}

export function planFiles(raw: Record<string, unknown>, project: ProjectReader): PlannedFile[] {
  const result = computeSplit(readSplitOptions(raw), project);
  if (typeof result === 'string' || alreadySplit(result)) return [];
  return result.rendered.created;
}

/** The split of each god-module source, cached so every importer of one run sees the same one. */
const splitCache = new Map<string, SplitResult | string>();

function diskReader(root: string): ProjectReader {
  return { root, read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined) };
}

export default function transform(file: FileInfo, api: API, rawOptions: Options): string | undefined {
  const options = readSplitOptions(rawOptions);
  const root = options.root!;
  const path = relative(root, resolve(root, file.path)).split(/[\\/]/).join(posix.sep);
  // Under lazify `project` is the in-memory file set, which still holds the pre-split module
  // while importers run (the planner lists the module last); alone, files are read from disk.
  const project = (rawOptions.project as ProjectReader | undefined) ?? diskReader(root);
  const reader: ProjectReader = path === options.module ? { root, read: (p) => (p === path ? file.source : project.read(p)) } : project;
  const godSource = reader.read(options.module) ?? '';
  const key = `${root}\0${options.module}\0${godSource}\0${JSON.stringify(options)}`;
  if (!splitCache.has(key)) splitCache.set(key, computeSplit(options, reader));
  const result = splitCache.get(key)!;
  if (typeof result === 'string') {
    api.report(result);
    return undefined;
  }
  if (path === options.module) {
    if (alreadySplit(result)) return file.source;
    if (rawOptions.driver !== 'lazify' && !rawOptions.dry) writePlannedFiles(root, result.rendered.created);
    return result.rendered.shim;
  }
  return rewriteImporter(path, file.source, api, options.module, result.movedTo) ?? file.source;
}

/**
 * Alone on the jscodeshift CLI there is no file set: like jscodeshift itself writing the file it
 * transformed, the transform writes the modules it creates (never under `--dry`). Under lazify
 * (`driver: 'lazify'`) they come from planFiles instead and src/edits writes them.
 */
function writePlannedFiles(root: string, files: PlannedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.source);
  }
}
