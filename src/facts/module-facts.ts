/** What a top-level statement does when the module is evaluated. */
export type StatementKind =
  | 'declaration' // function/class/type/interface/const of a literal or pure expression, imports
  | 'registration' // puts imported code into a registry: register('x', X), map[key] = X, { 'gpt-': OpenAI }
  | 'eager-init' // calls or `new`s imported code at top level, top-level await
  | 'global-mutation' // globalThis / process.env defaults / prototype or console patches
  | 'side-effect-import' // import './polyfill'
  | 'other'; // anything else that runs code (local calls, loops)

/** One top-level statement of a module, classified. Positions only, never AST nodes. */
export interface TopLevelStatement {
  kind: StatementKind;
  /** 1-based line of the statement's start. */
  line: number;
  /** Character offsets of the statement in the file (for edits). */
  start: number;
  end: number;
  /** Names the statement declares (exported or not). */
  declares: string[];
  /** The called or constructed callee for eager-init (e.g. `getEncoding`), when known. */
  callee?: string;
  /** Short source excerpt (first line, trimmed to ~120 chars) for reports. */
  text: string;
}

/** One export of a module and what it needs. */
export interface ExportFact {
  /** Exported name (`default` for default exports). */
  name: string;
  /** Local declaration name, when different from `name`. */
  local?: string;
  /** True when the export is a type or interface only (no runtime value). */
  typeOnly: boolean;
  /** `declared` here, or re-exported `from` another module id. */
  from?: string;
  line: number;
  /** Top-level names of this module (declarations and import bindings) the declaration uses. */
  uses: string[];
}

/** One registry entry as written in source. */
export interface RegistryEntry {
  /** The key (`'anthropic'`, `'claude-'`); absent when computed. */
  key?: string;
  /** Module id the registered value comes from (resolved import), when static. */
  module?: string;
  /** Export name in that module (`AnthropicHandler`, `default`). */
  export?: string;
  /** How the value is registered: the class/handler itself, or a factory function wrapping it. */
  valueShape: 'reference' | 'factory';
  line: number;
}

/** A registry found in a module: an object map, register() calls, or a factory map. */
export interface RegistryFact {
  /** Name of the registry binding (`PROVIDERS`, `registry`) or register function (`registerProvider`). */
  name: string;
  shape: 'object-map' | 'register-calls' | 'factory-map';
  line: number;
  start: number;
  end: number;
  entries: RegistryEntry[];
  /** Why it cannot be turned into a static manifest; empty when it can. */
  blockers: string[];
}

/** Per-module facts. Plain data. */
export interface ModuleFacts {
  /** Module id (relative path). */
  id: string;
  statements: TopLevelStatement[];
  exports: ExportFact[];
  registries: RegistryFact[];
  /** For each import binding (local name), the module id and imported name it comes from, and where it is used. */
  bindings: Array<{
    local: string;
    module: string;
    imported: string; // 'default' | '*' | name
    typeOnly: boolean;
    /** True when every use of the binding is inside a function body (candidate for deferral). */
    usedOnlyInFunctions: boolean;
    /** True when the binding is used in a type position only. */
    usedOnlyAsType: boolean;
  }>;
}
