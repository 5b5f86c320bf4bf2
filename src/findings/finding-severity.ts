import type { FindingCost, FindingKind } from './finding.js';
import type { CostModelLike } from './cost-input.js';

// Thresholds on what a fix would stop loading. An LLM SDK is typically 0.5-5 MB installed;
// a gateway importing a dozen of them eagerly is the case lazify exists for.
const HIGH_BYTES = 1_000_000;
const MEDIUM_BYTES = 100_000;

/** Severity from the bytes a fix would stop loading (or, when measured, milliseconds). */
export function severityFor(cost: FindingCost): 'high' | 'medium' | 'low' {
  if (cost.measuredMs !== undefined) return cost.measuredMs >= 50 ? 'high' : cost.measuredMs >= 10 ? 'medium' : 'low';
  if (cost.exclusiveBytes >= HIGH_BYTES) return 'high';
  if (cost.exclusiveBytes >= MEDIUM_BYTES) return 'medium';
  return 'low';
}

/**
 * The id every finding carries: `kind:file`, then `:subject` when a file can hold more than one
 * finding of the kind (the registry's or declaration's name, the imported package, the global
 * that is changed). No line numbers: an id stays the same when code above it moves, so ignore
 * rules and baselines keep matching. {@link findFindings} makes the rare clash unique with `#2`.
 */
export function findingId(kind: FindingKind, file: string, subject?: string): string {
  return subject ? `${kind}:${file}:${subject}` : `${kind}:${file}`;
}

/** What deferring the eager imports `from -> to` saves; falls back to `to`'s exclusive cost. */
export function importSaving(cost: CostModelLike, from: string, to: string): FindingCost {
  const saving = savingsIndex(cost).get(`${from}\0${to}`);
  if (saving) return { exclusiveBytes: saving.savedBytes, exclusiveModules: saving.savedModules };
  const module = cost.module(to);
  return { exclusiveBytes: module?.exclusiveBytes ?? 0, exclusiveModules: module?.exclusiveModules ?? 0 };
}

// One index per cost model: a gateway has tens of thousands of import pairs and hundreds of findings.
const savingsIndexes = new WeakMap<CostModelLike, Map<string, { savedBytes: number; savedModules: number }>>();
function savingsIndex(cost: CostModelLike): Map<string, { savedBytes: number; savedModules: number }> {
  let index = savingsIndexes.get(cost);
  if (!index) {
    index = new Map((cost.imports ?? []).map((s) => [`${s.from}\0${s.to}`, s]));
    savingsIndexes.set(cost, index);
  }
  return index;
}

/**
 * What making each importer's eager imports of its modules in `cuts` lazy together stops
 * loading: nothing while another module imports them at the top too.
 */
export function importsSaving(cost: CostModelLike, cuts: Readonly<Record<string, readonly string[]>>): FindingCost {
  if (cost.exclusiveOfImports) return { ...cost.exclusiveOfImports(cuts) };
  // Without the query, the sum of each import's saving is a lower bound (shared deps are missed).
  let exclusiveBytes = 0;
  let exclusiveModules = 0;
  for (const [from, to] of Object.entries(cuts)) {
    for (const id of new Set(to)) {
      const saving = savingsIndex(cost).get(`${from}\0${id}`);
      exclusiveBytes += saving?.savedBytes ?? 0;
      exclusiveModules += saving?.savedModules ?? 0;
    }
  }
  return { exclusiveBytes, exclusiveModules };
}

/** What making a set of modules lazy together stops loading. */
export function setSaving(cost: CostModelLike, ids: readonly string[]): FindingCost {
  if (cost.exclusiveOfSet) return { ...cost.exclusiveOfSet(ids) };
  // Without the set query, the sum of exclusive costs is a lower bound (shared deps are missed).
  let exclusiveBytes = 0;
  let exclusiveModules = 0;
  for (const id of new Set(ids)) {
    exclusiveBytes += cost.module(id)?.exclusiveBytes ?? 0;
    exclusiveModules += cost.module(id)?.exclusiveModules ?? 0;
  }
  return { exclusiveBytes, exclusiveModules };
}
