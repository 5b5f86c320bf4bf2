import type { FunctionFact, ModuleFacts } from '../facts/module-facts.js';
import type { FindingsInput } from './findings-input.js';
import type { Finding, FindingCost } from './finding.js';
import { findingId, importsSaving, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';

// Top-level statements of a provider module whose effect would move from import to first use.
const IMPORT_TIME_EFFECTS = new Set(['global-mutation', 'side-effect-import', 'registration']);

/**
 * Factories that pick a provider class by `switch (provider)` or an if/else chain on a string,
 * over classes imported at the top from the project's own modules (often classes that extend
 * an SDK's client): every provider module and its SDK load at import although a call needs
 * one. The fix loads each module inside the branch that picks it. Providers imported straight
 * from a package are heavy-import findings already; these name local modules.
 */
export function findProviderFactories(input: FindingsInput): Finding[] {
  const factories: Factory[] = [];
  for (const [id, facts] of Object.entries(input.facts)) {
    const node = input.graph.modules[id];
    if (!node) continue;
    const eagerTargets = new Set(node.imports.filter((e) => !e.lazy && e.to && e.kind !== 'side-effect' && e.kind !== 're-export').map((e) => e.to!));
    for (const fn of facts.functions ?? []) {
      const picked = pickedProviders(fn, facts, (module) => module !== id && eagerTargets.has(module) && input.graph.modules[module]?.kind === 'local');
      if (!picked) continue;
      const modules = [...new Set(picked.map((p) => p.module))];
      // What this module's imports alone keep loaded: a provider module that another module
      // imports at the top too stays loaded (a generated client's every resource imports the
      // package's root), and the message says who keeps it.
      const blockers = modules.flatMap((module) => {
        const effect = input.facts[module]?.statements.find((s) => IMPORT_TIME_EFFECTS.has(s.kind));
        return effect ? [`${module}:${effect.line} ${effectText(effect.kind)} at import (\`${effect.text}\`): loading it in a branch would change when that runs`] : [];
      });
      factories.push({ id, fn, picked, modules, cost: importsSaving(input.cost, { [id]: modules }), blockers });
    }
  }
  const partnersOf = partnersSavingTogether(factories, input);
  return factories.map((factory) => factoryFinding(factory, partnersOf.get(factory), input));
}

/** A function picking providers by a selection: its module, the bindings picked, their modules, and what its imports of them alone keep loaded. */
interface Factory {
  id: string;
  fn: FunctionFact;
  picked: Array<{ local: string; module: string }>;
  modules: string[];
  cost: FindingCost;
  /** Why its providers cannot load in the branches (a provider's import-time effect): then they stay. */
  blockers: string[];
}

/** Factories that save nothing alone but something with the others, each with them and what they save together. */
type Partners = Map<Factory, { others: Factory[]; cost: FindingCost }>;

/**
 * Factories in different modules that pick among the same providers each keep them loaded for
 * the other (a chat and an embeddings factory over the same provider classes): alone, each saves
 * nothing. Those that save nothing alone and share a provider, however indirectly, form a group;
 * when loading their providers in all of their branches frees something, each of them claims
 * that saving (as registries loading the same providers do) and names the others.
 */
function partnersSavingTogether(factories: readonly Factory[], input: FindingsInput): Partners {
  const partners: Partners = new Map();
  // A factory whose providers stay at the top (a blocker) keeps them loaded for the others: it is no partner.
  const idle = factories.filter((f) => f.cost.exclusiveBytes === 0 && f.cost.exclusiveModules === 0 && f.blockers.length === 0);
  const grouped = new Set<Factory>();
  for (const first of idle) {
    if (grouped.has(first)) continue;
    const group = [first];
    grouped.add(first);
    for (let i = 0; i < group.length; i++) {
      for (const other of idle) {
        if (!grouped.has(other) && other.modules.some((m) => group[i]!.modules.includes(m))) {
          group.push(other);
          grouped.add(other);
        }
      }
    }
    if (new Set(group.map((f) => f.id)).size < 2) continue;
    const cuts: Record<string, string[]> = {};
    for (const f of group) cuts[f.id] = [...new Set([...(cuts[f.id] ?? []), ...f.modules])];
    const cost = importsSaving(input.cost, cuts);
    if (cost.exclusiveBytes === 0 && cost.exclusiveModules === 0) continue;
    for (const f of group) partners.set(f, { others: group.filter((o) => o.id !== f.id), cost });
  }
  return partners;
}

function factoryId(factory: Factory): string {
  return findingId('heavy-import', factory.id, factory.fn.name);
}

function factoryFinding(factory: Factory, together: { others: Factory[]; cost: FindingCost } | undefined, input: FindingsInput): Finding {
  const { id, fn, picked, modules, blockers } = factory;
  const cost = together?.cost ?? factory.cost;
  const notFreed = cost.exclusiveBytes === 0 && cost.exclusiveModules === 0 ? keptLoaded(input, modules, id) : undefined;
  const selection = fn.selections!.find((s) => s.branches.some((b) => b.reads.some((r) => picked.some((p) => p.local === r))))!;
  const how = selection.kind === 'switch' ? `switch (${selection.on})` : `if (${selection.on} === ...)`;
  const list = modules.map((m) => `${m} (${formatBytes(input.cost.module(m)?.exclusiveBytes ?? 0)})`).join(', ');
  const picks = `${fn.name} picks one of ${modules.length} providers by \`${how}\` (line ${selection.line}), but imports them all at the top: ${list} load at import`;
  const others = together?.others.map((o) => `${o.fn.name} in ${o.id}:${o.fn.line}`).join(', ');
  return {
    id: factoryId(factory),
    kind: 'heavy-import',
    severity: severityFor(cost),
    file: id,
    line: fn.line,
    symbol: fn.name,
    message: notFreed
      ? `${picks}; loading each inside the branch that picks it saves nothing, as ${notFreed}.`
      : together
        ? `${picks}; ${others} ${together.others.length === 1 ? 'picks' : 'pick'} among them too, so only loading each inside the branch that picks it in all of them saves anything (${formatBytes(cost.exclusiveBytes)} saved if all are deferred).`
        : `${picks} (${formatBytes(cost.exclusiveBytes)} saved if deferred); load each inside the branch that picks it.`,
    cost,
    bindings: picked.map((p) => p.local),
    ...(notFreed ? { notFreed } : {}),
    ...(together && !notFreed ? { together: together.others.map((o) => factoryId(o)) } : {}),
    ...(blockers.length > 0 ? { convertible: false, blockers } : {}),
  };
}

/**
 * The import bindings a function's selections pick in different branches (two providers at
 * least, from modules `eligible` accepts), each used only inside functions; undefined when
 * the function selects nothing that way.
 */
function pickedProviders(fn: FunctionFact, facts: ModuleFacts, eligible: (module: string) => boolean): Array<{ local: string; module: string }> | undefined {
  const bindings = new Map(facts.bindings.filter((b) => !b.typeOnly && !b.usedOnlyAsType && b.usedOnlyInFunctions && eligible(b.module)).map((b) => [b.local, b]));
  const picked = new Map<string, string>();
  for (const selection of fn.selections ?? []) {
    const branchModules = selection.branches.map((branch) => new Set(branch.reads.filter((r) => bindings.has(r)).map((r) => bindings.get(r)!.module)));
    // A selection picks between branches: one that loads the same modules in every branch, or
    // reads the modules in one branch only (`if (x === 'a') { new A(new B()) }`), picks nothing.
    if (new Set(branchModules.flatMap((set) => [...set])).size < 2 || branchModules.filter((set) => set.size > 0).length < 2) continue;
    for (const branch of selection.branches) for (const name of branch.reads) if (bindings.has(name)) picked.set(name, bindings.get(name)!.module);
  }
  return picked.size >= 2 ? [...picked].map(([local, module]) => ({ local, module })) : undefined;
}

/**
 * Why loading `modules` in `file`'s branches stops none of them loading: `other modules import
 * them at the top too (module by importer:line, ...)`, naming for each the first module other
 * than `file` that imports it at the top level and itself loads at import; when one has none
 * (it stays through a longer way round), that they stay loaded through other modules.
 */
function keptLoaded(input: FindingsInput, modules: readonly string[], file: string): string {
  const kept: string[] = [];
  for (const module of modules) {
    for (const node of Object.values(input.graph.modules)) {
      if (node.id === file || input.cost.module(node.id)?.eager === false) continue;
      const edge = node.imports.find((e) => e.to === module && !e.lazy);
      if (edge) {
        kept.push(`${module} by ${node.id}:${edge.line}`);
        break;
      }
    }
  }
  return kept.length === modules.length ? `other modules import them at the top too (${kept.join(', ')})` : 'other modules keep them loaded at import';
}

function effectText(kind: string): string {
  if (kind === 'global-mutation') return 'changes global state';
  if (kind === 'side-effect-import') return 'imports a module for its side effects';
  return 'registers itself';
}
