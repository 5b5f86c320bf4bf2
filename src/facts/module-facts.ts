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
  /**
   * Export name in that module (`AnthropicHandler`, `default`); `*` for Babel's or tsc's `export *` of an
   * export-getters registry until its names are read (src/facts/star-exports.ts).
   */
  export?: string;
  /** How the value is registered: the class/handler itself, or a factory function wrapping it. */
  valueShape: 'reference' | 'factory';
  line: number;
}

/** A registry found in a module: an object map, register() calls, or a factory map. */
export interface RegistryFact {
  /** Name of the registry binding (`PROVIDERS`, `registry`) or register function (`registerProvider`). */
  name: string;
  shape: 'object-map' | 'register-calls' | 'factory-map' | 'export-getters';
  line: number;
  start: number;
  end: number;
  entries: RegistryEntry[];
  /** Why it cannot be turned into a static manifest; empty when it can. */
  blockers: string[];
  /**
   * For registrations in a loop over an imported value (`for (... of Object.entries(manifest))`):
   * the modules those values come from.
   */
  loopSources?: string[];
  /** Map keys whose values are written inline (no import): they stay as they are. */
  inline?: string[];
  /**
   * register-calls: the callee as written (`registerProvider`, `hljs.registerLanguage`), of the
   * first call; tsc's `(0, registry_1.registerProvider)(...)` as `registry_1.registerProvider`.
   * The plan hands it to the transform, which matches the calls by it.
   */
  callee?: string;
  /**
   * Map keys written as a member of a named import (`[Providers.OPENAI]`): the entry (by index,
   * -1 when the value is no entry), what to read in the imported module, where the key is written
   * (`at`), and the blocker that stands until it is read. Resolved
   * and removed once every module has its facts (src/facts/imported-keys.ts).
   */
  pendingKeys?: Array<{ entry: number; module: string; export: string; member: string; at: string; blocker: string }>;
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
    /** The specifier as written (`openai`, `openai/shims/node`, `./base`). */
    specifier: string;
    /** Bound by an ESM `import` or by a CommonJS `require` (`import x = require()` included). */
    via: 'import' | 'require';
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
  /**
   * Top-level classes whose `extends` clause names an import binding (`class P extends OpenAI`):
   * defining the class needs the base, so that import cannot move into a function.
   */
  classBases?: Array<{ name: string; base: string; line: number }>;
  /** `// lazify-ignore` comments, in source order (absent when the module has none). */
  ignoreComments?: IgnoreComment[];
  /**
   * Set when lazify wrote this module (its `// Generated by lazify (transform) ...` header): the
   * transform's name. Its registrations are lazify's own lazy loaders, not findings.
   */
  generatedBy?: string;
  /**
   * 1-based line of the first `await` (or `for await`) outside any function: `require()` cannot
   * load an ES module whose graph awaits at top level. Absent when the module has none.
   */
  topLevelAwait?: number;
  /** `import './x'` and `require('./x');` on their own, by the module id they load, in source order. */
  sideEffectImports?: Array<{ module: string; line: number }>;
  /**
   * Top-level `B.Key = value;` on a whole imported module `B` (aws-sdk's `AWS.S3 = Service.defineService(...)`
   * in clients/s3.js, `B` being `require('../lib/core')`): the module id of `B`, `B` as written, the key,
   * and the callee when the value is built by a call or `new`.
   */
  namespaceAssignments?: Array<{ module: string; object: string; key: string; line: number; valueCallee?: string }>;
  /** Top-level consts built by a call or `new` (`const encoder = getEncoding(...)`), with the identifier the call starts from. */
  builtConsts?: BuiltConst[];
  /** Top-level statements that read a {@link builtConsts} value while the module is imported. */
  importTimeReads?: ImportTimeRead[];
  /** Functions named `register*` (at any depth) and whether they use the value they register at registration. */
  registerFunctions?: RegisterFunctionFact[];
  /** Writes, anywhere in the module, into an object reached through an import binding of a project module. */
  importedWrites?: ImportedWrite[];
}

/**
 * What a project file the entry does not load tells the findings (src/facts/unreached-files.ts):
 * whether it writes a map of another module, or passes one on (its exports and import bindings).
 * The same values as those fields of the file's {@link ModuleFacts}, without what only the
 * other facts' walks find (an export's `uses`, where a binding is used).
 */
export interface WriterFacts {
  id: string;
  format?: ModuleFacts['format'];
  exports: Array<Omit<ExportFact, 'uses'>>;
  bindings: Array<Pick<ModuleFacts['bindings'][number], 'local' | 'module' | 'specifier' | 'via' | 'imported' | 'typeOnly' | 'line'>>;
  importedWrites?: ImportedWrite[];
}

/**
 * `plugin.rules.x = v` (or `plugin.rules[k] = v`, `delete ...`, `Object.assign(plugin.rules, ...)`)
 * where `plugin` holds what another project module exports (an import binding, a `require()`, a
 * local bound to one): a map of that module may be written there.
 */
export interface ImportedWrite {
  /** The module written into (its id). */
  module: string;
  /** What of its exports the write starts from: `*` all of them (a namespace, module.exports), `default`, or an export's name. */
  imported: string;
  /** The members from there to the object written (`['rules']`). */
  path: string[];
  /** The keys written; absent when any key may be (a computed key, an `Object.assign` source it cannot read). */
  keys?: string[];
  line: number;
  /** The write, its first line. */
  text: string;
}

/** A top-level `const x = f(...)` / `new C(...)` (one declarator). */
export interface BuiltConst {
  name: string;
  exported: boolean;
  /** The identifier the call chain starts from: `getEncoding` for `getEncoding(...)`, `z` for `z.object(...).strict()`. */
  calleeRoot: string;
  /** 1-based line of the declaration. */
  line: number;
}

/** One top-level statement that reads built consts at import (see {@link ModuleFacts.importTimeReads}). */
export interface ImportTimeRead {
  /** The built const the statement declares, when it declares one (its reads then run only when it is built). */
  declares?: string;
  /** Each built const it reads at import, with the line of the first read. */
  reads: Array<{ name: string; line: number }>;
}

/** A `// lazify-ignore [kind, ...] [-- reason]` comment: it silences findings on its line and the next. */
export interface IgnoreComment {
  /** 1-based line of the comment. */
  line: number;
  /** Finding kinds it names, as written (checked against the known kinds by the suppression step); empty for all kinds. */
  kinds: string[];
  /** The text after `--`, when given. */
  reason?: string;
}

/** A `register*` function: the parameter holding the registered value, and where it is used at registration, if it is. */
export interface RegisterFunctionFact {
  name: string;
  line: number;
  /** The parameter that receives the registered value (the second, or the only one). */
  value: string;
  /** Where the function first calls, constructs or reads that value at registration (storing or checking it does not count). */
  usesValue?: { use: 'calls' | 'constructs' | 'reads'; line: number };
  /**
   * One-argument functions storing `store.set(value.KEY, value)`: KEY, the property of the value
   * its key comes from (read at registration, but a manifest can list it instead).
   */
  keyProperty?: string;
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
  /**
   * Selections in the function: a `switch`, or an if/else chain whose tests compare with a
   * string (`provider === 'openai'`), with the top-level names each branch reads. A factory
   * that picks a provider class this way needs only the chosen branch's import.
   */
  selections?: SelectionFact[];
}

/** One `switch` or string-comparing if/else chain of a function (see {@link FunctionFact.selections}). */
export interface SelectionFact {
  /** `switch` or `if`. */
  kind: 'switch' | 'if';
  /** 1-based line of the `switch` / first `if`. */
  line: number;
  /** What is compared: `provider` in `switch (provider)` / `provider === 'openai'`. */
  on: string;
  branches: Array<{
    /** The case's or test's literal (`openai`), `default` / `else` for the fallback branch. */
    label: string;
    line: number;
    /** Top-level names the branch reads in value positions, outside `throw` statements (an error thrown is not a provider picked). */
    reads: string[];
  }>;
}
