/**
 * What the finders need from GRAPH's cost model (src/graph). Kept structural so the real
 * `computeCost(graph)` result can be passed as is as long as it has a `module(id)` lookup.
 *
 * GRAPH: please make your cost type satisfy this (extra fields are fine):
 *   - `module(id)` returns the dominator-exclusive cost of one module: what would stop loading
 *     at import if that module were loaded lazily (bytes, module count), plus its cumulative bytes.
 *   - optional `exclusiveOfSet(ids)`: the same for a set of modules made lazy together (a registry's
 *     providers share SDK helpers that are exclusive to the set but to no single provider).
 *   - optional `exclusiveOfImports(cuts)`: the same for some modules' imports of others made lazy.
 */
export interface ModuleCostLike {
  exclusiveBytes: number;
  exclusiveModules: number;
  cumulativeBytes?: number;
  /** False when importing the entry does not load the module (only lazy edges reach it). */
  eager?: boolean;
}

/** The cost model lookups the finders use. */
export interface CostModelLike {
  module(id: string): ModuleCostLike | undefined;
  exclusiveOfSet?(ids: readonly string[]): { exclusiveBytes: number; exclusiveModules: number };
  /** What making each importer's eager imports of its modules in `cuts` lazy together would save. */
  exclusiveOfImports?(cuts: Readonly<Record<string, readonly string[]>>): { exclusiveBytes: number; exclusiveModules: number };
  /** Whether a module still loads at import once the eager imports `cuts` names are lazy. */
  loadedWithImportsCut?(cuts: Readonly<Record<string, readonly string[]>>): (id: string) => boolean;
  /** What deferring every eager import `from -> to` would save (GRAPH's `ImportSaving`). */
  imports?: ReadonlyArray<{ from: string; to: string; savedBytes: number; savedModules: number }>;
}
