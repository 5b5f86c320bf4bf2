import { posix } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { findStronglyConnectedComponents } from '../graph/strongly-connected-components.js';
import { findTransform } from '../../transforms/index.js';
import type { PlanOperation } from './plan.js';
import { outputModuleFormat } from './output-module-format.js';
import { notPlanned, type PlanContext, type Planner, type PlannerResult } from './planner.js';

/** Plans one god-module-to-focused-modules operation per god-module finding with a split. */
export const godModulePlanner: Planner = {
  kinds: ['god-module'],
  transform: 'god-module-to-focused-modules',
  plan(finding: Finding, context: PlanContext): PlannerResult {
    const clusters = (finding.split ?? []).filter((c) => c.exports.length > 0);
    if (clusters.length < 2) return { operations: [], skipped: [notPlanned(finding, 'no-split', 'fewer than two clusters proposed, nothing to split')] };
    // A split that frees nothing at import is planned only to break an import cycle through the module.
    if (finding.notFreed && !inImportCycle(finding.file, context)) {
      return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `splitting ${finding.file} frees nothing at import (${finding.notFreed}), and no import cycle runs through it`)] };
    }
    const importers = findImporters(finding.file, context);
    const options = {
      module: finding.file,
      clusters: clusters.map((c) => ({ module: c.module, exports: [...c.exports] })),
      importers,
      deprecate: context.choices.deprecate === true,
      extension: extensionFor(finding.file, importers, context),
    };
    const placement = findTransform('god-module-to-focused-modules')!.describe!(options, context.project);
    if ('problem' in placement) return { operations: [], skipped: [notPlanned(finding, 'not-splittable', placement.problem)] };
    const lines = [
      `split ${finding.file} into ${placement.lines.length} focused modules; ${finding.file} stays as a re-export shim`,
      ...placement.lines.map((line) => `  ${line}`),
      `  importers rewritten (${importers.length}): ${importers.join(', ') || 'none'}`,
      ...(finding.notFreed ? [`  frees nothing at import (${finding.notFreed}); it breaks the import cycle through ${finding.file}`] : []),
    ];
    const operation: PlanOperation = {
      id: finding.id,
      transform: 'god-module-to-focused-modules',
      summary: lines.join('\n'),
      // Importers first: they must see the module before it becomes a shim.
      files: [...importers, finding.file],
      options,
    };
    return { operations: [operation] };
  },
};

/** True when the module is in an import cycle over eager edges (without the graph: assumed so, the split stays). */
function inImportCycle(module: string, context: PlanContext): boolean {
  if (!context.graph) return true;
  return findStronglyConnectedComponents(context.graph).some((component) => component.length > 1 && component.includes(module));
}

/**
 * Project source files that import the module by a relative specifier (type-only imports
 * included): the graph's edges into it (lazy ones too) and, from the facts, import bindings,
 * re-exports and bare imports of it.
 */
export function findImporters(module: string, context: PlanContext): string[] {
  return context.sourceFiles.filter((file) => file !== module && specifiersOf(file, module, context).length > 0).sort();
}

/** The relative specifiers by which `file` names `module`, in source order. */
function specifiersOf(file: string, module: string, context: PlanContext): string[] {
  const facts = context.facts?.[file];
  const found: Array<{ line: number; specifier?: string }> = [];
  for (const edge of context.graph?.modules[file]?.imports ?? []) if (edge.to === module) found.push(edge);
  for (const binding of facts?.bindings ?? []) if (binding.module === module) found.push({ line: binding.line ?? 0, specifier: binding.specifier });
  // Re-exports and bare imports: the specifier is the graph's to know (for a file it reached).
  for (const reExport of facts?.exports ?? []) if (reExport.from === module) found.push({ line: reExport.line });
  for (const bare of facts?.sideEffectImports ?? []) if (bare.module === module) found.push({ line: bare.line });
  const relative = found.filter((f) => f.specifier === undefined || f.specifier.startsWith('.'));
  return relative.sort((a, b) => a.line - b.line).map((f) => f.specifier ?? '');
}

/**
 * The extension new specifiers get: what the project already writes (`.js` under NodeNext
 * ESM, none under CommonJS resolution), judged from the importers' specifiers of the module;
 * without any, what the module's output needs (native ESM resolves only full file names).
 */
function extensionFor(module: string, importers: string[], context: PlanContext): 'js' | 'none' | 'ts' {
  for (const file of importers) {
    for (const specifier of specifiersOf(file, module, context)) {
      if (/\.(js|mjs|cjs)$/.test(specifier)) return 'js';
      if (/\.(ts|mts|cts)$/.test(specifier)) return 'ts';
      if (specifier !== '' && posix.extname(specifier) === '') return 'none';
    }
  }
  return outputModuleFormat(module, context.project) === 'esm' ? 'js' : 'none';
}
