import type { ModuleFacts, RegistryFact, WriterFacts } from '../facts/module-facts.js';
import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId, setSaving, severityFor } from './finding-severity.js';
import { providerSelfAssignment } from './provider-self-assignment.js';
import { registerFunctionHome } from './register-function-home.js';
import { formatBytes } from '../messages/format-size.js';
import { REQUIRE_ESM_NODE_RANGE } from '../project/require-esm-support.js';

/**
 * One finding per registry. The cost is what the registered modules would stop loading if
 * they were loaded on first lookup. Native ESM registries read synchronously (a sync function
 * that looks a provider up and calls or constructs it) cannot become lazy without changing
 * that function to async: each such call site is a blocker, unless the package's Node versions
 * all `require()` ES modules. CommonJS registries can always become lazy getters (`require` is
 * synchronous), unless their keys are only known at runtime.
 */
export function findRegistries(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  const registeredBy = new Map<string, string[]>();
  for (const [id, facts] of Object.entries(input.facts)) {
    for (const registry of facts.registries) {
      for (const entry of registry.entries) {
        if (!entry.module) continue;
        const list = registeredBy.get(entry.module) ?? [];
        list.push(`${id} (${registry.name})`);
        registeredBy.set(entry.module, list);
      }
    }
  }

  // Files the entry does not load may write a map too (a test, a subpath export).
  const convertibles: ConvertibleRegistry[] = [];
  const writers: RegistryWritesInput = input.unreached ? { facts: { ...input.facts, ...input.unreached }, graph: input.graph } : input;
  for (const [id, facts] of Object.entries(input.facts)) {
    const node = input.graph.modules[id];
    const format = facts.format ?? node?.format ?? 'esm';
    for (const registry of facts.registries) {
      if (registersGeneratedLoaders(registry, input.facts)) continue;
      // A table of constants or model metadata (`{ retries: DefaultRetries }`) holds data, not
      // code: loading its values later frees nothing worth a manifest.
      if (holdsOnlyData(registry, input)) continue;
      const blockers = [...registry.blockers];
      // Keyless entries (one-argument calls, loops) are already refused for that; reading the key from the value is no news.
      const keyed = registry.entries.every((e) => e.key !== undefined);
      const callsValue = registry.shape === 'register-calls' && keyed ? registerCallsValue(id, registry, input.facts) : undefined;
      if (callsValue) blockers.push(callsValue);
      // `byName.set('x', X)` on a local Map, `client.use('x', X)` of a package: no register function to give a loader.
      if (registry.shape === 'register-calls' && registry.callee !== undefined && !registerFunctionHome(id, registry.callee, input.facts)) {
        blockers.push(`${registry.callee} is not a register function of the project (an import of a project module, or a function of this one): lazify rewrites such a function and its calls`);
      }
      const bare = registry.shape === 'register-calls' ? undefined : sideEffectImporter(id, registry, input);
      if (bare) blockers.push(bare);
      if (registry.shape === 'object-map' || registry.shape === 'factory-map') blockers.push(...entryWritesElsewhere(id, registry, writers));
      const asyncOnly = format === 'esm' && !input.requireEsm;
      if (asyncOnly) blockers.push(...syncConsumerBlockers(id, registry, input.facts));
      const modules = [...new Set(registry.entries.map((e) => e.module).filter((m): m is string => !!m && !!input.graph.modules[m]))];
      const cost = setSaving(input.cost, modules);
      const convertible = blockers.length === 0 && registry.entries.length > 0;
      const elsewhere = new Set(modules.flatMap((m) => registeredBy.get(m) ?? []).filter((r) => !r.startsWith(`${id} (${registry.name})`)));
      const howToFix = registry.shape === 'export-getters'
        ? 'each export is already read through a getter: require its module inside the getter, once, on first read'
        : format === 'commonjs'
        ? 'replace it with a static manifest of keys and lazy getters that require each module on first lookup'
        : asyncOnly
          ? 'replace it with a static manifest of keys and `() => import()` loaders awaited on first lookup'
          : 'replace it with a static manifest of keys and lazy getters that require() each ES module on first lookup (engines.node admits only Node versions that can)';
      const shared = elsewhere.size > 0 ? ` The same modules are also registered in ${[...elsewhere].join(', ')}; convert those too to realise the saving.` : '';
      const inline = registry.inline?.length ? ` ${registry.inline.length} inline ${registry.inline.length === 1 ? 'value stays' : 'values stay'} as written (${registry.inline.join(', ')}).` : '';
      const cycle = providerCycle(id, registry, modules, input);
      const message = convertible
        ? `${registry.name} (${registry.shape}) loads ${modules.length} modules (${formatBytes(cost.exclusiveBytes)}) at import to register ${registry.entries.length} entries: ${howToFix}.${inline}${shared}${cycle}`
        : `${registry.name} (${registry.shape}) loads ${modules.length} modules (${formatBytes(cost.exclusiveBytes)}) at import, but cannot become a static manifest yet: ${blockers.join('; ')}.${asyncOnly && registry.blockers.length === 0 && !callsValue ? ` Alternatively, declaring engines.node "${REQUIRE_ESM_NODE_RANGE}" in package.json lets these readers stay synchronous (providers load with require()).` : ''}${cycle}`;
      findings.push({
        id: findingId('registry', id, registry.name),
        kind: 'registry',
        severity: severityFor(cost),
        file: id,
        line: registry.line,
        symbol: registry.name,
        message,
        cost,
        entries: registry.entries,
        shape: registry.shape,
        convertible,
        blockers,
      });
      if (convertible && modules.length > 0) convertibles.push({ finding: findings[findings.length - 1]!, modules, cycle });
    }
  }
  freesNothing(convertibles, input);
  return findings;
}

/** A convertible registry's finding, the modules it registers, and the message's cycle sentence. */
interface ConvertibleRegistry {
  finding: Finding;
  modules: string[];
  cycle: string;
}

/**
 * Marks the registries that would stop nothing loading: with every convertible registry of the
 * project lazy (the plan converts them together), each module this one registers still loads at
 * import through another import (js-yaml's `types`, whose modules its schemas require). Such a
 * finding saves nothing, says which import keeps its modules, and the plan leaves it as written.
 * A barrel inside another (typebox's) frees its modules once the outer one is lazy: not marked.
 */
function freesNothing(convertibles: readonly ConvertibleRegistry[], input: FindingsInput): void {
  if (!input.cost.loadedWithImportsCut || convertibles.length === 0) return;
  const cuts: Record<string, string[]> = {};
  for (const { finding, modules } of convertibles) (cuts[finding.file] ??= []).push(...modules);
  const loaded = input.cost.loadedWithImportsCut(cuts);
  for (const { finding, modules, cycle } of convertibles) {
    if (!modules.every(loaded)) continue;
    const keeper = keptLoadedBy(modules, cuts, loaded, input);
    if (!keeper) continue;
    const nothing = { exclusiveBytes: 0, exclusiveModules: 0 };
    finding.cost = nothing;
    finding.severity = severityFor(nothing);
    finding.notFreed = keeper;
    finding.message = `${finding.symbol} (${finding.shape}) registers ${modules.length} modules that load at import without it (${keeper}): a static manifest would stop none of them loading.${cycle}`;
  }
}

/** `file:line imports module` of a module loaded at import that imports one of `modules` other than through the imports `cuts` makes lazy. */
function keptLoadedBy(modules: readonly string[], cuts: Readonly<Record<string, readonly string[]>>, loaded: (id: string) => boolean, input: FindingsInput): string | undefined {
  for (const module of modules) {
    for (const node of Object.values(input.graph.modules)) {
      if (node.kind !== 'local' || !loaded(node.id) || cuts[node.id]?.includes(module)) continue;
      const edge = node.imports.find((e) => e.to === module && !e.lazy);
      if (edge) return `${node.id}:${edge.line} imports ${module}`;
    }
  }
  return undefined;
}

/**
 * Why lazy entries would change what a register function stores, when it calls or reads the value
 * it is given at registration (highlight.js's `registerLanguage` runs each language definition). The
 * same words as the plan's refusal (transforms/registry-to-manifest/add-registry-loaders.ts).
 */
function registerCallsValue(id: string, registry: RegistryFact, facts: Record<string, ModuleFacts>): string | undefined {
  const callee = registry.callee ?? registry.name;
  const [root, ...rest] = callee.split('.');
  const binding = facts[id]?.bindings.find((b) => b.local === root);
  const home = binding ? facts[binding.module] : facts[id];
  const fnName = rest.length > 0 ? rest[rest.length - 1]! : binding && binding.imported !== '*' && binding.imported !== 'default' ? binding.imported : root!;
  const fn = home?.registerFunctions?.find((f) => f.name === fnName);
  if (!fn?.usesValue) return undefined;
  return `${fn.name} ${fn.usesValue.use} the registered value (${fn.value}) at registration (${home!.id}:${fn.usesValue.line}): a lazy entry would change what it stores`;
}

/**
 * The first place where another module writes an entry of map `registry` of module `id` through
 * what it imports of it (`require('./index').rules.x = v`), or of a module that re-exports it, as
 * a blocker: a lazy entry is a getter with no setter. The module's own writes are blockers of the
 * fact already, in the same words. `input.facts` holds the project's files the entry does not
 * load as well (a test or a subpath export may write too).
 */
function entryWritesElsewhere(id: string, registry: RegistryFact, input: RegistryWritesInput): string[] {
  const reach = reexportedPaths(id, registry.name, input);
  if (reach.size === 0) return [];
  const keys = registry.entries.flatMap((entry) => (entry.key === undefined ? [] : [entry.key]));
  for (const other of Object.values(input.facts)) {
    for (const write of other.importedWrites ?? []) {
      const paths = reach.get(write.module);
      if (!paths || (write.keys && !write.keys.some((key) => keys.includes(key)))) continue;
      if (other.id === id && write.module === id) continue;
      if (bindingBases(write, formatOf(write.module, input)).some((base) => paths.has([...base, ...write.path].join('.')))) {
        return [`${registry.name} has an entry written by ${other.id}:${write.line} (\`${write.text}\`): a lazy entry is a getter with no setter`];
      }
    }
  }
  return [];
}

/** What {@link entryWritesElsewhere} reads: the facts of the modules that may write, and the graph when there is one. */
interface RegistryWritesInput {
  facts: Record<string, WriterFacts>;
  graph?: FindingsInput['graph'];
}

function formatOf(id: string, input: RegistryWritesInput): 'esm' | 'commonjs' {
  return input.facts[id]?.format ?? input.graph?.modules[id]?.format ?? 'esm';
}

/** What an import binding holds, as paths from its module's exports; a CommonJS default may be module.exports or exports.default. */
function bindingBases(binding: { imported: string }, format: 'esm' | 'commonjs'): string[][] {
  if (binding.imported === '*') return [[]];
  if (binding.imported === 'default' && format === 'commonjs') return [[], ['default']];
  return [[binding.imported]];
}

/**
 * The modules at which map `name` of module `id` can be reached, each with the member paths from
 * its exports (joined by `.`): the module's own (see {@link exportedPaths}), then those of every
 * module that re-exports it, transitively (`export * from`, `export { rules } from`, `export * as
 * ns from`, `module.exports = require('./rules')`, an imported binding exported again).
 */
function reexportedPaths(id: string, name: string, input: RegistryWritesInput): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  const pending: Array<[string, string[]]> = [];
  const add = (module: string, path: string[]) => {
    const paths = reach.get(module) ?? new Set<string>();
    const key = path.join('.');
    if (paths.has(key)) return;
    paths.add(key);
    reach.set(module, paths);
    pending.push([module, path]);
  };
  const own = input.facts[id];
  if (own) for (const path of exportedPaths(name, formatOf(id, input), own)) add(id, path);
  const reexports = reexportsByModule(input);
  // A bound on the walk: each module adds each path once, and paths grow by at most one name a step.
  for (let step = 0; pending.length > 0 && step < 10_000; step++) {
    const [from, path] = pending.shift()!;
    for (const { module, fact, via } of reexports.get(from) ?? []) {
      let rest: string[] | undefined;
      if (via) {
        const base = bindingBases(via, formatOf(from, input)).find((b) => b.every((part, i) => path[i] === part));
        rest = base && path.slice(base.length);
      } else if (fact.name === '*') {
        if (path.length > 0 && path[0] !== 'default') add(module, path);
        continue;
      } else if (fact.local === '*') {
        rest = path;
      } else if (path[0] === (fact.local ?? fact.name)) {
        rest = path.slice(1);
      }
      if (rest === undefined) continue;
      add(module, [fact.name, ...rest]);
      if (fact.name === 'default' && formatOf(module, input) === 'commonjs') add(module, rest);
    }
  }
  return reach;
}

/** A module's export of what another module exports: re-exported `from` it, or an import binding of it exported again (`via`). */
interface Reexport {
  module: string;
  fact: WriterFacts['exports'][number];
  via?: WriterFacts['bindings'][number];
}

const reexportIndexes = new WeakMap<RegistryWritesInput, Map<string, Reexport[]>>();

/** Every re-export of the project, by the module it re-exports from; built once per input. */
function reexportsByModule(input: RegistryWritesInput): Map<string, Reexport[]> {
  let index = reexportIndexes.get(input);
  if (index) return index;
  index = new Map();
  for (const facts of Object.values(input.facts)) {
    for (const fact of facts.exports) {
      if (fact.typeOnly) continue;
      const via = fact.from === undefined ? facts.bindings.find((b) => b.local === (fact.local ?? fact.name) && !b.typeOnly) : undefined;
      const from = fact.from ?? via?.module;
      if (from === undefined) continue;
      const list = index.get(from) ?? [];
      list.push({ module: facts.id, fact, ...(via && { via }) });
      index.set(from, list);
    }
  }
  reexportIndexes.set(input, index);
  return index;
}

/**
 * The member paths from a module's exports, as an importer of it sees them, at which its map
 * `name` is found: `rules` for `exports.rules = {...}` or `export const rules`, `rules` again for
 * `plugin.rules` with `module.exports = plugin` (or `exports.default.rules`: the CommonJS default
 * is either).
 */
function exportedPaths(name: string, format: 'esm' | 'commonjs', facts: Pick<WriterFacts, 'exports'>): string[][] {
  const [root, ...rest] = name.split('.');
  if (root === 'module' && rest[0] === 'exports') return [rest.slice(1)];
  const paths: string[][] = [];
  for (const fact of facts.exports) {
    if (fact.typeOnly || fact.from !== undefined || (fact.local ?? fact.name) !== root) continue;
    if (fact.name === 'default' && format === 'commonjs') paths.push(rest);
    paths.push([fact.name, ...rest]);
  }
  return paths;
}

/**
 * A module that loads the registry's file only for what loading it does (`require('./all');`,
 * aws-sdk v2's clients/all.js, whose clients assign `AWS.S3 = ...` themselves): lazy entries
 * would never run that. The same words as the plan's refusal (src/plan/plan-registry-manifests.ts).
 */
function sideEffectImporter(id: string, registry: RegistryFact, input: FindingsInput): string | undefined {
  for (const node of Object.values(input.graph.modules)) {
    const edge = node.imports.find((e) => e.to === id && !e.lazy && input.facts[node.id]?.statements.some((s) => s.kind === 'side-effect-import' && s.line === e.line));
    if (edge) return `${node.id}:${edge.line} loads ${id} only for its side effects, which lazy entries would no longer run (its providers are not loaded until a key is read)${providerSelfAssignment(registry.entries, input.facts)}`;
  }
  return undefined;
}

/**
 * When a registry's providers import its own module back (they use helpers it also exports),
 * the registry and those helpers are one module in a cycle: the sentence that says so and how to fix it.
 */
function providerCycle(id: string, registry: RegistryFact, modules: string[], input: FindingsInput): string {
  for (const module of modules) {
    const back = input.graph.modules[module]?.imports.find((e) => e.to === id && !e.lazy);
    if (!back) continue;
    const others = (input.facts[id]?.exports ?? []).filter((e) => !e.typeOnly && e.name !== registry.name && e.name !== 'default').map((e) => e.name);
    const helpers = back.names.filter((n) => n !== registry.name && n !== '*' && n !== 'default');
    const what = helpers.length > 0 ? helpers.join(', ') : others.length > 0 ? others.join(', ') : 'it';
    return ` Its providers import ${id} back (${module}:${back.line} uses ${what}): the registry and those helpers form a cycle; move the registry into its own module.`;
  }
  return '';
}

/**
 * Synchronous consumers of a native ESM registry, as `file:line` blockers. For a map (object
 * or factory) the registry binding is the map; for register calls the registry lives in the
 * module the register function comes from, in the top-level names that function writes to,
 * and is read through that module's other functions (getters).
 */
export function syncConsumerBlockers(id: string, registry: RegistryFact, facts: Record<string, ModuleFacts>): string[] {
  // Names (per module) through which the registry's values are reached.
  const sources = new Map<string, Set<string>>();
  const addSource = (module: string, name: string) => {
    const set = sources.get(module) ?? new Set<string>();
    set.add(name);
    sources.set(module, set);
  };
  if (registry.shape === 'register-calls') {
    const binding = facts[id]?.bindings.find((b) => b.local === registry.name || b.imported === registry.name);
    const home = binding ? facts[binding.module] : facts[id];
    const registerName = binding ? binding.imported : registry.name;
    if (!home) return [];
    const register = home.functions?.find((f) => f.name === registerName);
    const storage = register ? register.reads.filter((name) => !home.functions?.some((f) => f.name === name)) : [registry.name];
    for (const name of storage) addSource(home.id, name);
    for (const fn of home.functions ?? []) {
      if (fn.name !== registerName && fn.reads.some((r) => storage.includes(r))) addSource(home.id, fn.name);
    }
  } else {
    addSource(id, registry.name);
  }
  // Importers of those names see them under their own local names.
  for (const [module, names] of [...sources]) {
    for (const other of Object.values(facts)) {
      for (const binding of other.bindings) {
        if (binding.module === module && names.has(binding.imported)) addSource(other.id, binding.local);
      }
    }
  }

  const registerName = registry.shape === 'register-calls' ? registry.name : undefined;
  const blockers: string[] = [];
  for (const [module, names] of sources) {
    for (const fn of facts[module]?.functions ?? []) {
      if (fn.async || fn.name === registerName || (module !== id && names.has(fn.name) && fn.name === registerName)) continue;
      const read = fn.valueReads?.find((r) => names.has(r.name));
      if (read) {
        blockers.push(`synchronous consumer ${fn.name}() reads a registered value from ${read.name} at ${module}:${read.line}`);
        continue;
      }
      const invocation = fn.invocations.find((i) => !i.direct && i.roots.some((root) => names.has(root) && root !== fn.name));
      if (invocation) {
        const via = invocation.roots.filter((root) => names.has(root)).join(', ');
        blockers.push(`synchronous consumer ${fn.name}() ${invocation.construct ? 'constructs' : 'calls'} a registered value from ${via} at ${module}:${invocation.line}`);
      }
    }
  }
  return blockers;
}

/**
 * lazify's own output after apply: a loop that registers the loaders of a manifest lazify
 * generated (`for (... of Object.entries(registerProviderManifest)) registerProviderLoader(...)`)
 * loads nothing at import; its keys are in the manifest, so it is no registry to convert.
 */
function registersGeneratedLoaders(registry: RegistryFact, facts: Record<string, ModuleFacts>): boolean {
  const sources = registry.loopSources ?? [];
  return sources.length > 0 &&
    sources.every((module) => facts[module]?.generatedBy !== undefined) &&
    registry.entries.every((entry) => !entry.module || facts[entry.module]?.generatedBy !== undefined);
}

/**
 * True when every entry's value is a constant of a module that imports nothing at run time:
 * a variable declared without references to other names (`export const DefaultRetries = 3`,
 * `export const GPT4 = { name: 'gpt-4', contextWindow: 8192 }`). Such a table is data; making
 * it lazy would save the bytes of a constants file and nothing else.
 */
function holdsOnlyData(registry: RegistryFact, input: FindingsInput): boolean {
  if (registry.entries.length === 0) return false;
  return registry.entries.every((entry) => {
    if (!entry.module || entry.valueShape !== 'reference' || !entry.export) return false;
    const node = input.graph.modules[entry.module];
    const facts = input.facts[entry.module];
    if (!node || node.kind !== 'local' || !facts || node.imports.some((e) => !e.lazy)) return false;
    const exported = facts.exports.find((e) => e.name === entry.export);
    const declaration = facts.declarations?.find((d) => d.name === (exported?.local ?? entry.export));
    // A function-valued const is a handler, however small.
    const isFunction = facts.functions?.some((f) => f.name === declaration?.name);
    return declaration?.declarationKind === 'variable' && declaration.uses.length === 0 && !isFunction;
  });
}
