import type { FindingsInput } from './findings-input.js';
import type { FindingCost, SplitCluster } from './finding.js';
import { importSaving } from './finding-severity.js';

/** What splitting a god-module frees at import, and, when that is nothing, why. */
export interface SplitSaving {
  cost: FindingCost;
  /** Why no module stops loading at import (set when the cost is zero). */
  notFreed?: string;
}

/**
 * What a god-module split really stops loading when the entry is imported: the parts (clusters)
 * that no module loaded at import needs, directly or through the parts it does need, stop
 * loading, and with them the imports only those parts use. Importing the entry loads every
 * part of the entry itself; a re-export or a namespace import whose members are unknown needs
 * every part. An import some top-level statement uses, or that a needed part also uses, stays.
 */
export function splitSaving(input: FindingsInput, id: string, split: readonly SplitCluster[]): SplitSaving {
  const facts = input.facts[id]!;
  const moved = new Set(split.flatMap((c) => c.exports));
  const runtimeExports = facts.exports.filter((e) => !e.typeOnly && !e.from && e.name !== '*').map((e) => e.local ?? e.name);
  const nothing = (notFreed: string): SplitSaving => ({ cost: { exclusiveBytes: 0, exclusiveModules: 0 }, notFreed });
  if (split.length === 0) return nothing('no split is proposed');
  if (id === input.graph.entry) return nothing(`importing the package loads all of ${id}, its entry, whatever it is split into`);

  // The names of the module that modules loaded at import read.
  const needed = new Set<string>();
  const readers: string[] = [];
  for (const node of Object.values(input.graph.modules)) {
    if (node.kind !== 'local' || node.id === id || input.cost.module(node.id)?.eager === false) continue;
    const edges = node.imports.filter((e) => e.to === id && !e.lazy);
    if (edges.length === 0) continue;
    readers.push(node.id);
    if (edges.some((e) => e.kind === 're-export' || e.kind === 'side-effect')) {
      runtimeExports.forEach((name) => needed.add(name));
      continue;
    }
    for (const binding of input.facts[node.id]?.bindings ?? []) {
      if (binding.module !== id || binding.typeOnly || binding.usedOnlyAsType) continue;
      const whole = binding.imported === '*' || (binding.imported === 'default' && !runtimeExports.includes('default'));
      if (whole && !binding.members) runtimeExports.forEach((name) => needed.add(name));
      else for (const name of whole ? binding.members ?? [] : [binding.imported]) needed.add(name);
    }
  }
  if (readers.length === 0) return nothing(`no module loaded at import imports ${id}`);
  // What stays in the module (exports left out of the split) loads with it.
  for (const name of runtimeExports) if (!moved.has(name)) needed.add(name);

  // Everything the needed names use, through the module's own declarations.
  const uses = new Map((facts.declarations ?? []).map((d) => [d.name, d.uses]));
  const closure = (roots: Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      pending.push(...(uses.get(name) ?? []));
    }
    return seen;
  };
  const kept = closure(needed);
  const unneeded = split.filter((c) => !c.exports.some((name) => kept.has(name)));
  if (unneeded.length === 0) {
    const who = readers.length > 3 ? `${readers.slice(0, 3).join(', ')} and ${readers.length - 3} more` : readers.join(', ');
    return nothing(`${who} ${readers.length === 1 ? 'uses' : 'use'} every part of it at import, directly or through another part`);
  }
  const dropped = closure(unneeded.flatMap((c) => [...c.exports, ...c.helpers]));

  // Imports that only the unneeded parts use stop loading; one a needed part, a top-level
  // statement or a side-effect import uses stays (a binding no declaration uses is such a one).
  const node = input.graph.modules[id]!;
  const targets = new Set(node.imports.filter((e) => !e.lazy && e.to && e.kind !== 'side-effect' && e.kind !== 're-export').map((e) => e.to!));
  for (const edge of node.imports) if (edge.to && !edge.lazy && (edge.kind === 'side-effect' || edge.kind === 're-export')) targets.delete(edge.to);
  let exclusiveBytes = 0;
  let exclusiveModules = 0;
  for (const target of targets) {
    const runtime = facts.bindings.filter((b) => b.module === target && !b.typeOnly && !b.usedOnlyAsType);
    if (runtime.length === 0 || !runtime.every((b) => dropped.has(b.local) && !kept.has(b.local))) continue;
    const saving = importSaving(input.cost, id, target);
    exclusiveBytes += saving.exclusiveBytes;
    exclusiveModules += saving.exclusiveModules;
  }
  if (exclusiveBytes === 0 && exclusiveModules === 0) {
    return nothing(`${unneeded.map((c) => c.module).join(', ')} would not load at import, but ${unneeded.length === 1 ? 'it imports' : 'they import'} nothing the rest of ${id} does not keep loaded`);
  }
  return { cost: { exclusiveBytes, exclusiveModules } };
}
