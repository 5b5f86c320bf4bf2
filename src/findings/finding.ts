import type { RegistryEntry } from '../facts/module-facts.js';

export type FindingKind = 'registry' | 'eager-init' | 'global-side-effect' | 'god-module' | 'cycle' | 'heavy-import';

/** Estimated and, when measured, real cost of what a finding keeps eager. */
export interface FindingCost {
  /** Bytes that would no longer load at import if this were made lazy (dominator-exclusive). */
  exclusiveBytes: number;
  /** Number of modules that would no longer load. */
  exclusiveModules: number;
  /** Measured milliseconds (from `--measure`), when available. */
  measuredMs?: number;
}

/** A proposed new module for a god-module split. */
export interface SplitCluster {
  /** Proposed module path relative to the project root, e.g. `src/utils/tokenization.ts`. */
  module: string;
  /** Export names that move there. */
  exports: string[];
  /** Non-exported helpers only this cluster uses. */
  helpers: string[];
  /** Why these belong together (shared dependencies / common importers). */
  reason: string;
}

export interface Finding {
  /** Stable id: `kind:file` or `kind:file:subject`, no line (see docs/json-schema.md); what ignore rules and baselines match. */
  id: string;
  kind: FindingKind;
  severity: 'high' | 'medium' | 'low';
  /** Path relative to the project root. */
  file: string;
  line: number;
  symbol?: string;
  /** What is wrong and what to do about it. */
  message: string;
  cost: FindingCost;
  /** registry: its entries and convertibility. */
  entries?: RegistryEntry[];
  shape?: 'object-map' | 'register-calls' | 'factory-map' | 'export-getters';
  convertible?: boolean;
  blockers?: string[];
  /** god-module: the proposed split. */
  split?: SplitCluster[];
  /**
   * god-module: why the split stops no module loading at import; heavy-import of a factory's
   * providers: why loading them in their branches stops none loading (the cost is then zero).
   */
  notFreed?: string;
  /** cycle: the files in the cycle, in import order. */
  files?: string[];
  /** heavy-import / eager-init: the package or callee involved. */
  target?: string;
  /**
   * heavy-import of a factory's providers: the import bindings of `file` to load lazily (each
   * inside the branch that picks it), when the finding names bindings rather than a package.
   */
  bindings?: string[];
  /**
   * heavy-import of a factory's providers that other factories pick among too: their finding ids.
   * Its `cost` is what deferring in all of them saves, so it is planned only with all of them.
   */
  together?: string[];
}
