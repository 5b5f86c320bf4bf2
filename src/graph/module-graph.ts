import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** How one module reaches another. */
export type EdgeKind =
  | 'import' // static `import x from` / `import { x } from` / `import * as ns from`
  | 're-export' // `export * from`, `export { x } from`
  | 'side-effect' // `import './polyfill'`
  | 'require' // top-level `require()` (runs at import time)
  | 'dynamic-import' // `import()` anywhere: already lazy
  | 'require-in-function'; // `require()` inside a function body: already lazy

/** One runtime import edge. Type-only imports are never edges. */
export interface ImportEdge {
  /** Module id of the importer. */
  from: string;
  /** Module id of the target (see {@link ModuleNode.id}); absent when unresolved. */
  to?: string;
  /** The specifier as written. */
  specifier: string;
  kind: EdgeKind;
  /** True when the edge does not run at import time (dynamic import, require in a function). */
  lazy: boolean;
  /** 1-based line of the import in the importer. */
  line: number;
  /**
   * Names the importer binds from the target: `default`, `*` (namespace or export *),
   * or export names. Empty for side-effect imports.
   */
  names: string[];
}

/** A node of the module graph. */
export interface ModuleNode {
  /**
   * Local modules: path relative to the project root, forward slashes (`src/utils.ts`).
   * External packages: the package name (`openai`, `@anthropic-ai/sdk`).
   * Node builtins: `node:fs` style.
   */
  id: string;
  kind: 'local' | 'external' | 'builtin';
  /** Absolute path of the file (local) or of the resolved entry file (external). */
  file?: string;
  /** Installed version, for external packages. */
  version?: string;
  /** Own size in bytes: the file for local modules; for external ones, the files requiring the package loads (its dependencies included). */
  size: number;
  /**
   * External packages: how {@link size} splits among the specifiers the project loads the
   * package by (`openai`, `openai/shims/node`): each share is the bytes loaded by exactly those
   * specifiers, so a file two subpaths both load is counted once. Biggest share first.
   */
  loadedBy?: Array<{ specifiers: string[]; bytes: number }>;
  /** Outgoing runtime edges (empty for external and builtin leaves). */
  imports: ImportEdge[];
  /** Source format of a local module. */
  format?: 'esm' | 'commonjs';
}

/** The runtime module graph reachable from the entry. Plain data: serialisable as JSON. */
export interface ModuleGraph {
  /** Absolute project root. */
  root: string;
  /** Module id of the entry. */
  entry: string;
  /** Every reachable module by id (eager and lazy edges both followed). */
  modules: Record<string, ModuleNode>;
  diagnostics: Diagnostic[];
}
