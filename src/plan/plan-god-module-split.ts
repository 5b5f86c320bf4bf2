import { posix } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { findTransform } from '../../transforms/index.js';
import { pointsAt } from '../../transforms/god-module-to-focused-modules/module-specifiers.js';
import type { PlanOperation } from './plan.js';
import { outputModuleFormat } from './output-module-format.js';
import type { PlanContext, Planner, PlannerResult } from './planner.js';

// Any static `import`/`export ... from`/`require` of a relative path; enough to find importers
// without parsing every file (the transform parses the ones it rewrites).
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/** Plans one god-module-to-focused-modules operation per god-module finding with a split. */
export const godModulePlanner: Planner = {
  kinds: ['god-module'],
  transform: 'god-module-to-focused-modules',
  plan(finding: Finding, context: PlanContext): PlannerResult {
    const clusters = (finding.split ?? []).filter((c) => c.exports.length > 0);
    if (clusters.length < 2) return { operations: [], skipped: [`${finding.id}: fewer than two clusters proposed, nothing to split`] };
    const importers = findImporters(finding.file, context);
    const options = {
      module: finding.file,
      clusters: clusters.map((c) => ({ module: c.module, exports: [...c.exports] })),
      importers,
      deprecate: context.choices.deprecate === true,
      extension: extensionFor(finding.file, importers, context),
    };
    const placement = findTransform('god-module-to-focused-modules')!.describe!(options, context.project);
    if ('problem' in placement) return { operations: [], skipped: [`${finding.id}: ${placement.problem}`] };
    const lines = [
      `split ${finding.file} into ${placement.lines.length} focused modules; ${finding.file} stays as a re-export shim`,
      ...placement.lines.map((line) => `  ${line}`),
      `  importers rewritten (${importers.length}): ${importers.join(', ') || 'none'}`,
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

/** Project source files that import the module by a relative specifier (type-only imports included). */
export function findImporters(module: string, context: PlanContext): string[] {
  return context.sourceFiles
    .filter((file) => file !== module)
    .filter((file) => {
      const source = context.project.read(file) ?? '';
      for (const match of source.matchAll(specifierPattern)) if (pointsAt(file, match[1]!, module)) return true;
      return false;
    })
    .sort();
}

/**
 * The extension new specifiers get: what the project already writes (`.js` under NodeNext
 * ESM, none under CommonJS resolution), judged from the importers' specifiers of the module;
 * without any, what the module's output needs (native ESM resolves only full file names).
 */
function extensionFor(module: string, importers: string[], context: PlanContext): 'js' | 'none' | 'ts' {
  for (const file of importers) {
    const source = context.project.read(file) ?? '';
    for (const match of source.matchAll(specifierPattern)) {
      const specifier = match[1]!;
      if (!pointsAt(file, specifier, module)) continue;
      if (/\.(js|mjs|cjs)$/.test(specifier)) return 'js';
      if (/\.(ts|mts|cts)$/.test(specifier)) return 'ts';
      if (posix.extname(specifier) === '') return 'none';
    }
  }
  return outputModuleFormat(module, context.project) === 'esm' ? 'js' : 'none';
}
