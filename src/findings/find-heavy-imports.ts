import type { ModuleNode } from '../graph/module-graph.js';
import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId, importSaving, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';

/**
 * External packages imported at the top level whose bindings are only used inside function
 * bodies: the import can move into the function (`await import()` / `require()` on first call)
 * without changing what the module exports. The cost is what deferring that import saves.
 */
export function findHeavyImports(input: FindingsInput): Finding[] {
  // Per package: the local modules that import it eagerly, and whether each could defer it.
  const importers = new Map<string, Array<{ id: string; line: number; names: string[]; deferrable: boolean; stays: string[]; staySpecifiers: string[] }>>();
  for (const node of Object.values(input.graph.modules)) {
    if (node.kind !== 'local') continue;
    const bindings = input.facts[node.id]?.bindings ?? [];
    for (const target of new Set(node.imports.filter((e) => !e.lazy && e.to).map((e) => e.to!))) {
      if (input.graph.modules[target]?.kind !== 'external') continue;
      const edges = node.imports.filter((e) => e.to === target && !e.lazy);
      const runtime = bindings.filter((b) => b.module === target && !b.typeOnly && !b.usedOnlyAsType);
      // A side-effect import or a re-export of the package itself needs it at import time; a
      // side-effect import of a subpath (`import 'openai/shims/node'`) loads only that file and
      // stays, while the package's own import can still move.
      const subpathEffects = edges.filter((e) => e.kind === 'side-effect' && e.specifier !== target && e.specifier.startsWith(`${target}/`));
      const deferrable = !!input.facts[node.id] && runtime.length > 0 && runtime.every((b) => b.usedOnlyInFunctions) &&
        edges.every((e) => (e.kind !== 'side-effect' || subpathEffects.includes(e)) && e.kind !== 're-export');
      const bindingEdges = edges.filter((e) => !subpathEffects.includes(e));
      const list = importers.get(target) ?? [];
      list.push({ id: node.id, line: (bindingEdges[0] ?? edges[0])!.line, names: runtime.map((b) => b.local), deferrable, stays: subpathEffects.map((e) => `${e.specifier} (${node.id}:${e.line})`), staySpecifiers: subpathEffects.map((e) => e.specifier) });
      importers.set(target, list);
    }
  }

  const findings: Finding[] = [];
  for (const [target, list] of importers) {
    const deferrable = list.filter((i) => i.deferrable);
    if (deferrable.length === 0) continue;
    // When every importer can defer it, deferring them all frees the package; otherwise each
    // import saves only what it alone keeps loaded (often nothing).
    const all = deferrable.length === list.length;
    for (const [index, importer] of deferrable.entries()) {
      if (all && index > 0) continue;
      const full = all
        ? { exclusiveBytes: input.cost.module(target)?.exclusiveBytes ?? 0, exclusiveModules: input.cost.module(target)?.exclusiveModules ?? 0 }
        : importSaving(input.cost, importer.id, target);
      // A side-effect subpath import that stays keeps the package loaded, if only in part: its
      // module is not one that stops loading (importtime still lists it), nor are the files
      // that subpath loads.
      const staying = deferrable.flatMap((i) => i.staySpecifiers);
      const cost = staying.length > 0
        ? { exclusiveBytes: Math.max(0, full.exclusiveBytes - bytesLoadedBy(input.graph.modules[target]!, staying)), exclusiveModules: Math.max(0, full.exclusiveModules - 1) }
        : full;
      const where = all && deferrable.length > 1
        ? `${deferrable.map((i) => `${i.id}:${i.line}`).join(', ')} import it at the top level but only use it inside functions`
        : `${importer.id}:${importer.line} imports it at the top level but only uses ${importer.names.join(', ')} inside functions`;
      findings.push({
        id: findingId('heavy-import', importer.id, target),
        kind: 'heavy-import',
        severity: severityFor(cost),
        file: importer.id,
        line: importer.line,
        symbol: target,
        message: `${target} (${formatBytes(cost.exclusiveBytes)} saved if deferred): ${where}; load it on first call instead.${staysNote(deferrable)}`,
        cost,
        target,
      });
    }
  }
  return findings;
}

/**
 * The bytes of package `node` that any of `specifiers` loads (the shares they are in, each
 * once); 0 when the graph did not split the package's size by specifier.
 */
function bytesLoadedBy(node: ModuleNode, specifiers: readonly string[]): number {
  let bytes = 0;
  for (const share of node.loadedBy ?? []) if (share.specifiers.some((s) => specifiers.includes(s))) bytes += share.bytes;
  return bytes;
}

/** The subpaths imported for their side effects, which stay at the top (`import 'openai/shims/node'`). */
function staysNote(importers: ReadonlyArray<{ id: string; stays: string[] }>): string {
  const stays = importers.flatMap((i) => i.stays);
  return stays.length === 0 ? '' : ` The side-effect import${stays.length > 1 ? 's' : ''} of ${stays.join(', ')} stay${stays.length > 1 ? '' : 's'}: ${stays.length > 1 ? 'they load' : 'it loads'} only that subpath.`;
}
