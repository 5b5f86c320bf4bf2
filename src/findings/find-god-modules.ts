import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';
import { proposeSplit } from './propose-split.js';
import { splitSaving } from './split-saving.js';

/** A module with at least this many runtime exports... */
export const GOD_MODULE_MIN_EXPORTS = 15;
/** ...imported by at least this many local modules (or pulling in at least GOD_MODULE_MIN_BYTES) is a god-module. */
export const GOD_MODULE_MIN_FAN_IN = 3;
export const GOD_MODULE_MIN_BYTES = 500_000;

/**
 * God-modules: many exports, many importers, and everything it imports loads for anyone who
 * needs one helper. The finding proposes a split into focused modules (see proposeSplit).
 * Its cost is what the split stops loading at import: the parts no module loaded at import
 * needs and the imports only they use (see splitSaving), often nothing; `notFreed` then says why.
 */
export function findGodModules(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  for (const [id, facts] of Object.entries(input.facts)) {
    const runtimeExports = facts.exports.filter((e) => !e.typeOnly && !e.from && e.name !== '*');
    if (runtimeExports.length < GOD_MODULE_MIN_EXPORTS) continue;
    const importers = Object.values(input.graph.modules).filter(
      (m) => m.kind === 'local' && m.id !== id && m.imports.some((e) => e.to === id && !e.lazy && e.kind !== 're-export'),
    );
    const cumulativeBytes = input.cost.module(id)?.cumulativeBytes ?? 0;
    if (importers.length < GOD_MODULE_MIN_FAN_IN && cumulativeBytes < GOD_MODULE_MIN_BYTES) continue;

    // Which importer uses which export, from the importers' own bindings.
    const importersOf = new Map<string, string[]>();
    for (const importer of importers) {
      for (const binding of input.facts[importer.id]?.bindings ?? []) {
        if (binding.module !== id) continue;
        const names = binding.imported === '*' || binding.imported === 'default' ? binding.members ?? [] : [binding.imported];
        for (const name of names) importersOf.set(name, [...(importersOf.get(name) ?? []), importer.id]);
      }
    }
    const split = proposeSplit(facts, importersOf);
    const moved = new Set(split.flatMap((c) => c.exports));
    const staying = runtimeExports.map((e) => e.local ?? e.name).filter((name) => name !== 'default' && !moved.has(name));
    const { cost, notFreed } = splitSaving(input, id, split);
    const line = runtimeExports[0]!.line;
    findings.push({
      id: findingId('god-module', id),
      kind: 'god-module',
      severity: severityFor(cost),
      file: id,
      line,
      message: `${id} has ${runtimeExports.length} exports and ${importers.length} importers; importing any helper loads all of it (${formatBytes(cumulativeBytes)} with its imports). Split it into ${split.map((c) => c.module).join(', ')}${staying.length > 0 ? `; ${staying.join(', ')} share nothing with those and stay in ${id}` : ''}.${notFreed ? ` Splitting it frees nothing at import: ${notFreed}.` : ''}`,
      cost,
      split,
      ...(notFreed ? { notFreed } : {}),
    });
  }
  return findings;
}
