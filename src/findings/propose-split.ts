import type { ModuleFacts } from '../facts/module-facts.js';
import type { SplitCluster } from './finding.js';

/**
 * Proposes how to split a god-module: exports that use the same helpers and imports, read
 * each other, share name stems and are imported by the same modules end up together.
 * Average-linkage agglomerative clustering over the Jaccard similarity of those feature sets;
 * each cluster is named from its dominant topic (see {@link TOPICS}) or its commonest stem.
 */
export function proposeSplit(facts: ModuleFacts, importersOf: ReadonlyMap<string, string[]>, options: { threshold?: number } = {}): SplitCluster[] {
  const threshold = options.threshold ?? 0.12;
  const declarations = new Map((facts.declarations ?? []).map((d) => [d.name, d]));
  const runtimeBindings = new Map(facts.bindings.filter((b) => !b.typeOnly && !b.usedOnlyAsType).map((b) => [b.local, b]));
  const isRuntimeLocal = (name: string) => {
    const declaration = declarations.get(name);
    return !!declaration && declaration.declarationKind !== 'type' && declaration.declarationKind !== 'import';
  };
  const exportNames = facts.exports
    .filter((e) => !e.typeOnly && !e.from && e.name !== '*' && e.name !== 'default' && isRuntimeLocal(e.local ?? e.name))
    .map((e) => e.local ?? e.name);
  const exported = new Set(exportNames);
  if (exportNames.length < 2) return [];

  // What each export needs: runtime top-level names, through non-exported helpers.
  const closure = new Map<string, Set<string>>();
  const closureOf = (name: string): Set<string> => {
    const known = closure.get(name);
    if (known) return known;
    const result = new Set<string>();
    closure.set(name, result);
    const pending = [...(declarations.get(name)?.uses ?? [])];
    while (pending.length > 0) {
      const used = pending.pop()!;
      if (result.has(used) || used === name) continue;
      if (!runtimeBindings.has(used) && !isRuntimeLocal(used)) continue;
      result.add(used);
      if (!exported.has(used)) pending.push(...(declarations.get(used)?.uses ?? []));
    }
    return result;
  };

  const features = exportNames.map((name) => {
    const set = new Set<string>([`n:${name}`]);
    for (const used of closureOf(name)) {
      set.add(`n:${used}`);
      const binding = runtimeBindings.get(used);
      if (binding) set.add(`m:${binding.module}`);
      for (const stem of stemsOf(used)) set.add(`s:${stem}`);
    }
    for (const stem of stemsOf(name)) set.add(`s:${stem}`);
    // An export's own name is the strongest hint of its topic, its head noun (the last word
    // with a topic: countMessage*Tokens*) most of all: weigh that like three shared names.
    topicsOf(name).forEach((topic, rank) => {
      for (let k = 0; k < (rank === 0 ? 3 : 1); k++) set.add(`t${k}:${topic}`);
    });
    for (const importer of importersOf.get(name) ?? []) set.add(`i:${importer}`);
    return set;
  });

  // Agglomerative clustering, average linkage.
  let clusters = exportNames.map((_, i) => [i]);
  const similarity = (a: number[], b: number[]) => {
    let total = 0;
    for (const i of a) for (const j of b) total += jaccard(features[i]!, features[j]!);
    return total / (a.length * b.length);
  };
  for (;;) {
    let best = -1;
    let pair: [number, number] = [0, 0];
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const s = similarity(clusters[a]!, clusters[b]!);
        if (s > best) {
          best = s;
          pair = [a, b];
        }
      }
    }
    if (best < threshold || clusters.length <= 1) break;
    const [a, b] = pair;
    clusters = clusters.filter((_, i) => i !== a && i !== b).concat([[...clusters[a]!, ...clusters[b]!]]);
  }
  // Singletons join the cluster they resemble most, when they resemble it enough.
  const groups = clusters.filter((c) => c.length > 1);
  for (const single of clusters.filter((c) => c.length === 1)) {
    let best = threshold / 2;
    let target: number[] | undefined;
    for (const group of groups) {
      const s = similarity(single, group);
      if (s > best) {
        best = s;
        target = group;
      }
    }
    if (target) target.push(single[0]!);
    else groups.push(single);
  }

  // Two groups with the same topic are one module's worth: merge them. A lone export with
  // neither a topic nor anything shared stays where it is (key ''): a one-function module
  // named after itself helps nobody.
  const byName = new Map<string, number[]>();
  for (const group of groups) {
    const names = group.map((i) => exportNames[i]!);
    const modules = names.flatMap((n) => [...closureOf(n)].map((u) => runtimeBindings.get(u)?.module).filter((m): m is string => !!m));
    const { name, topical } = clusterName(names, [], modules);
    const key = group.length === 1 && !topical ? '' : name;
    // (a group without a topic or a shared stem gets '' from clusterName and stays too)
    byName.set(key, [...(byName.get(key) ?? []), ...group]);
  }
  groups.splice(0, groups.length, ...byName.values());
  const stays = new Set(byName.get('') ?? []);

  // Non-exported helpers go with the cluster that uses them; one several clusters need goes
  // with the cluster that uses it most, and the others import it from there.
  const helperUses = new Map<string, number[]>();
  groups.forEach((group, index) => {
    for (const member of group) {
      for (const used of closureOf(exportNames[member]!)) {
        if (exported.has(used) || runtimeBindings.has(used) || !declarations.has(used)) continue;
        const counts = helperUses.get(used) ?? new Array<number>(groups.length).fill(0);
        counts[index]! += 1;
        helperUses.set(used, counts);
      }
    }
  });
  const helperHome = new Map<string, number>();
  for (const [helper, counts] of helperUses) helperHome.set(helper, counts.indexOf(Math.max(...counts)));

  const directory = facts.id.replace(/\.[cm]?[jt]sx?$/, '');
  const extension = /\.([cm]?[jt]sx?)$/.exec(facts.id)?.[1] ?? 'ts';
  const taken = new Set<string>();
  const result = groups.map((group, index) => {
    const names = group.map((i) => exportNames[i]!).sort((x, y) => exportNames.indexOf(x) - exportNames.indexOf(y));
    const modules = [...new Set(names.flatMap((n) => [...closureOf(n)].map((u) => runtimeBindings.get(u)?.module).filter((m): m is string => !!m)))];
    const helpers = [...helperHome].filter(([, home]) => home === index).map(([helper]) => helper).sort();
    const borrowed = [...helperUses].filter(([helper, counts]) => counts[index]! > 0 && helperHome.get(helper) !== index).map(([helper]) => helper).sort();
    // Left out of the split: exports not listed in any cluster stay where they are.
    if (group.every((i) => stays.has(i))) return undefined;
    const name = uniqueName(clusterName(names, helpers, modules).name, taken);
    return {
      module: `${directory}/${name}.${extension}`,
      exports: names,
      helpers,
      reason: reasonFor(names, helpers, modules, group.map((i) => features[i]!)) + (borrowed.length > 0 ? `; also needs ${borrowed.join(', ')} (kept in another new module)` : ''),
    };
  });
  // The borrowed helpers' new homes, once every cluster has its module name.
  for (const cluster of result) {
    if (!cluster) continue;
    cluster.reason = cluster.reason.replace(/also needs (.+) \(kept in another new module\)$/, (_, list: string) =>
      `also needs ${list.split(', ').map((h) => `${h} from ${result[helperHome.get(h)!]?.module ?? facts.id}`).join(', ')}`);
  }
  return result.filter((c): c is SplitCluster => c !== undefined).sort((a, b) => b.exports.length - a.exports.length || a.module.localeCompare(b.module));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** `toOpenAIMessages` → `open`, `ai`, `messages`; words too generic to name a topic are dropped. */
export function stemsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-/.@]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length > 1 && !GENERIC_WORDS.has(word));
}

const GENERIC_WORDS = new Set(['to', 'get', 'is', 'from', 'for', 'build', 'create', 'make', 'with', 'by', 'set', 'has', 'of', 'and',
  'the', 'an', 'as', 'in', 'on', 'per', 'js', 'ts', 'src', 'lib', 'util', 'utils', 'helper', 'helpers', 'default', 'new', 'all']);

/**
 * Topics a gateway's helpers fall into, with the name stems and packages that signal them.
 * The first word of each list is only documentation; a cluster takes the topic whose words
 * cover most of its export names.
 */
const TOPICS: Array<{ name: string; words: string[] }> = [
  { name: 'tokenization', words: ['token', 'tokens', 'tokenize', 'tokenizer', 'encoder', 'encode', 'encoding', 'tiktoken', 'truncate', 'context', 'window'] },
  { name: 'pricing', words: ['price', 'prices', 'pricing', 'cost', 'costs', 'usd', 'billing', 'spend'] },
  { name: 'media', words: ['mime', 'image', 'images', 'data', 'url', 'base64', 'media', 'file', 'extension', 'audio', 'video'] },
  { name: 'request-transform', words: ['messages', 'message', 'request', 'body', 'params', 'response', 'chat', 'stop', 'merge', 'normalize', 'strip', 'contents', 'prompt', 'system', 'transform', 'undefined'] },
  { name: 'provider-lookup', words: ['provider', 'providers', 'resolve', 'handler', 'lookup', 'router', 'registry', 'supported', 'prefix'] },
  { name: 'validation', words: ['schema', 'schemas', 'validate', 'validation', 'zod'] },
  { name: 'logging', words: ['log', 'logger', 'logging', 'debug', 'trace'] },
  { name: 'http', words: ['http', 'fetch', 'retry', 'headers', 'transport', 'stream'] },
];

/** Topics whose words appear among a name's stems, the one of the last such word first. */
function topicsOf(name: string): string[] {
  const topics: string[] = [];
  for (const stem of stemsOf(name).reverse()) {
    for (const topic of TOPICS) if (topic.words.includes(stem) && !topics.includes(topic.name)) topics.push(topic.name);
  }
  return topics;
}

/** A cluster's module name, and whether it comes from a topic (rather than a stem of its names). */
function clusterName(names: string[], helpers: string[], modules: string[]): { name: string; topical: boolean } {
  const score = (words: string[]) => {
    let total = 0;
    for (const name of names) if (stemsOf(name).some((s) => words.includes(s))) total += 2;
    for (const helper of helpers) if (stemsOf(helper).some((s) => words.includes(s))) total += 1;
    for (const module of modules) if (stemsOf(module).some((s) => words.includes(s))) total += 2;
    return total;
  };
  let best: { name: string; score: number } | undefined;
  for (const topic of TOPICS) {
    const s = score(topic.words);
    if (s > 0 && (!best || s > best.score)) best = { name: topic.name, score: s };
  }
  if (best && best.score >= names.length) return { name: best.name, topical: true };
  // No topic covers the cluster: its commonest stem names it.
  const counts = new Map<string, number>();
  for (const name of names) for (const stem of new Set(stemsOf(name))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best && (!common || common[1] < 2)) return { name: best.name, topical: true };
  // A stem only one export has names nothing: '' means "no name, keep these where they are".
  return { name: common && common[1] >= 2 ? common[0] : '', topical: false };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`;
  taken.add(candidate);
  return candidate;
}

function reasonFor(names: string[], helpers: string[], modules: string[], features: Array<Set<string>>): string {
  const shared = [...features[0]!].filter((f) => f.startsWith('n:') && features.filter((set) => set.has(f)).length >= Math.max(2, features.length / 2));
  const parts: string[] = [];
  if (modules.length > 0) parts.push(`uses ${modules.join(', ')}`);
  const sharedNames = shared.map((f) => f.slice(2)).filter((n) => !names.includes(n) || names.length > 1).slice(0, 4);
  if (sharedNames.length > 0) parts.push(`shares ${sharedNames.join(', ')}`);
  if (helpers.length > 0) parts.push(`moves ${helpers.join(', ')} along`);
  return parts.length > 0 ? parts.join('; ') : 'no shared dependency: grouped by what their names are about';
}
