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
    /** 1-based line of the import or require. */
    line?: number;
    /** Namespace bindings (`import * as ns`, `const x = require()`): the members read as `ns.member`. */
    members?: string[];
  }>;
  /** Module format, copied from the graph node. */
  format?: 'esm' | 'commonjs';
  /** Every top-level declaration (exported or not) and the top-level names it uses. */
  declarations?: DeclarationFact[];
  /** Top-level functions and class methods: what they read and what they call or construct. */
  functions?: FunctionFact[];
}

/** One top-level declared name and what its declaration references. */
export interface DeclarationFact {
  name: string;
  line: number;
  exported: boolean;
  /** `function`, `class`, `variable`, `type` (type alias, interface), `enum`, `import`. */
  declarationKind: 'function' | 'class' | 'variable' | 'type' | 'enum' | 'import';
  /** Top-level names of this module the declaration references (value and type positions). */
  uses: string[];
}

/**
 * A top-level function (or a method of a top-level class, named `Class.method`): enough to tell
 * whether it consumes a registry synchronously.
 */
export interface FunctionFact {
  name: string;
  line: number;
  async: boolean;
  /** Top-level names read in value positions inside the function. */
  reads: string[];
  /**
   * Calls and `new`s inside the function (not inside nested async functions) whose callee derives
   * from top-level names: `new MODEL_PREFIXES[p](o)`, `const H = getProvider(n); new H()`.
   * `direct` is true for a plain call of the name itself (`getProvider(n)`).
   */
  invocations: Array<{ line: number; roots: string[]; direct: boolean; construct: boolean }>;
  /**
   * Reads of the values held by a top-level name (`MAP[k]`, `MAP.openai`, `map.get(k)`,
   * `Object.values(MAP)`), as opposed to its keys (`Object.keys(MAP)`, `map.has(k)`): a
   * synchronous function doing this needs the registered modules loaded.
   */
  valueReads?: Array<{ line: number; name: string }>;
}
