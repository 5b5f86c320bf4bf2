import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuProfile, ProfileNode } from './cpu-profile.js';
import type { ImportTimeNode, TopLevelCost } from './import-time.js';
import type { MeasuredModuleName } from './name-measured-module.js';

// One extra run of the import under V8's sampling profiler (`node --cpu-prof`) tells two things
// the timing hooks cannot:
// - what inside a module's top level took its self time: the calls it made while loading
//   (`getEncoding()`, 738 ms) and its own code by line;
// - which ES modules ran inside a `require()` of an ES module graph: Node 20 runs such a graph
//   without the loader hooks, so the timing sees one module whose "self" time is the whole graph.
// A module's top level is the profile frame V8 names '' at line 0, column 0 of the module's URL
// (the CommonJS wrapper, or the ES module body).

/** What one module's top level cost in the profiled run, in ms of that run. */
export interface ProfiledModule {
  /** Absolute path of the module file. */
  file: string;
  /** Everything sampled while this module's top level ran, not counting modules it loaded. */
  selfMs: number;
  /** That self time by what ran: calls made from the top level, and its own lines. */
  parts: Map<string, { call?: string; callee?: string; line?: number; ms: number }>;
  /** The module whose top level was running when this one started (its loader). */
  loadedBy?: string;
  /** Index of the last sample taken in this module's top level: orders ES module evaluation. */
  lastSample: number;
}

/** Reads the one `.cpuprofile` that `node --cpu-prof --cpu-prof-dir=dir` wrote into `dir`. */
export function readCpuProfile(dir: string): CpuProfile | undefined {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return undefined;
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

const isModuleTopLevel = (node: ProfileNode) =>
  node.callFrame.functionName === '' && node.callFrame.lineNumber === 0 && node.callFrame.columnNumber === 0 && node.callFrame.url.startsWith('file:');

/** Per module file, the self time of its top level and what it was spent on. */
export function profileModules(profile: CpuProfile): Map<string, ProfiledModule> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // V8's timeDeltas[i] is the time before sample i; it is the best estimate of sample i's cost.
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const modules = new Map<string, ProfiledModule>();
  const root = profile.nodes[0];
  if (!root) return modules;
  const moduleOfNode = new Map<number, ProfiledModule>();
  // Iterative walk: profiles of deep require chains would overflow a recursive one.
  const stack: Array<{ node: ProfileNode; module?: ProfiledModule; call?: ProfileNode }> = [{ node: root }];
  while (stack.length) {
    const { node, module: outer, call: outerCall } = stack.pop()!;
    let module = outer;
    let call = outerCall;
    if (isModuleTopLevel(node)) {
      const file = fileURLToPath(node.callFrame.url);
      module = modules.get(file) ?? { file, selfMs: 0, parts: new Map(), lastSample: -1, ...(outer ? { loadedBy: outer.file } : {}) };
      modules.set(file, module);
      call = undefined;
      // The module's own code, by line (positionTicks share the node's self time).
      const ticks = node.positionTicks ?? [];
      const totalTicks = ticks.reduce((sum, t) => sum + t.ticks, 0);
      const own = selfMs.get(node.id) ?? 0;
      for (const t of ticks) addPart(module, `line:${t.line}`, { line: t.line }, (own * t.ticks) / totalTicks);
      if (totalTicks === 0 && own > 0) addPart(module, 'own', {}, own);
      module.selfMs += own;
    } else if (module) {
      // The first frame below a module's top level is the call its statement made.
      call ??= node;
      const ms = selfMs.get(node.id) ?? 0;
      if (ms > 0) {
        const frame = call.callFrame;
        const name = frame.functionName || '(anonymous function)';
        addPart(module, `call:${name}:${frame.url}:${frame.lineNumber}`, { call: name, ...(frame.url.startsWith('file:') ? { callee: fileURLToPath(frame.url) } : {}) }, ms);
        module.selfMs += ms;
      }
    }
    if (module) moduleOfNode.set(node.id, module);
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (child) stack.push({ node: child, module, call });
    }
  }
  profile.samples.forEach((id, i) => {
    const module = moduleOfNode.get(id);
    if (module) module.lastSample = i;
  });
  return modules;
}

function addPart(module: ProfiledModule, key: string, what: { call?: string; callee?: string; line?: number }, ms: number): void {
  const part = module.parts.get(key) ?? { ...what, ms: 0 };
  part.ms += ms;
  module.parts.set(key, part);
}

/**
 * Adds what the profile saw to the measured tree:
 * - each timed module's `topLevel`: its costliest calls and lines (at least 1% of its self
 *   time), as shares of its measured self time (the profiler slows the run it samples, so its
 *   ms are used as shares, not as times);
 * - ES modules that ran inside a timed module without being timed themselves (a `require()` of
 *   an ES module graph): children of the graph's entry with their sampled body time (scaled by
 *   `runScale`, measured total over profiled total); what stays of the entry's self time is
 *   loading and linking the graph, said as such.
 * Returns the ids of the modules it added.
 */
export function attachProfile(
  tree: ImportTimeNode[],
  imports: Record<string, string[]>,
  modules: Map<string, ProfiledModule>,
  options: { name: (file: string) => MeasuredModuleName; sourceLine: (file: string, call: string) => number | undefined; runScale: number },
): string[] {
  const inTree = new Map<string, ImportTimeNode>();
  const walk = (node: ImportTimeNode) => {
    inTree.set(node.file, node);
    node.children.forEach(walk);
  };
  tree.forEach(walk);
  const hiddenUnder = new Map<string, ProfiledModule[]>();
  for (const module of modules.values()) {
    if (inTree.has(module.file)) continue;
    let loader = module.loadedBy;
    while (loader && !inTree.has(loader)) loader = modules.get(loader)?.loadedBy;
    if (!loader) continue;
    const owner = graphEntryOf(module, inTree.get(loader)!, modules) ?? loader;
    hiddenUnder.set(owner, [...(hiddenUnder.get(owner) ?? []), module]);
  }
  const added: string[] = [];
  for (const [file, node] of inTree) {
    const profiled = modules.get(file);
    const hidden = hiddenUnder.get(file) ?? [];
    let hiddenMs = 0;
    for (const module of hidden) {
      const named = options.name(module.file);
      const selfMs = module.selfMs * options.runScale;
      hiddenMs += selfMs;
      node.children.push({
        id: named.id,
        file: module.file,
        kind: named.kind,
        ...(named.package ? { package: named.package } : {}),
        format: 'esm',
        selfMs,
        cumulativeMs: selfMs,
        cumulativeIqrMs: 0,
        children: [],
        ...topLevelOf(module, options.runScale, options),
      });
      (imports[node.id] ??= []).push(named.id);
      added.push(named.id);
    }
    const measuredSelf = node.selfMs;
    node.selfMs = Math.max(0, measuredSelf - hiddenMs);
    const sampled = profiled !== undefined && profiled.selfMs > 0;
    // The entry's own body keeps its sampled time; the rest of its old self time is the graph's loading.
    const ownMs = !sampled ? 0 : hidden.length ? Math.min(node.selfMs, profiled.selfMs * options.runScale) : node.selfMs;
    const parts = sampled ? (topLevelOf(profiled, ownMs / profiled.selfMs, options).topLevel ?? []) : [];
    if (hidden.length && node.selfMs - ownMs >= 0.05) parts.unshift({ kind: 'esm-graph', modules: hidden.length, ms: node.selfMs - ownMs });
    if (parts.length) node.topLevel = parts;
  }
  return added;
}

/**
 * The timed ES module whose `require()` ran an untimed module. The ES modules of a graph that
 * `require()` loads all run from the requiring module's top level in post-order, the graph's
 * entry last: the untimed module belongs to the first ES module the loader required that
 * finished after it; with no sample of any, to the loader's only ES module child.
 */
function graphEntryOf(module: ProfiledModule, loader: ImportTimeNode, modules: Map<string, ProfiledModule>): string | undefined {
  const esmChildren = loader.children.filter((child) => isEsModuleFile(child.file));
  const sampled = esmChildren
    .map((child) => modules.get(child.file))
    .filter((m): m is ProfiledModule => !!m && m.loadedBy === loader.file && m.lastSample >= module.lastSample)
    .sort((a, b) => a.lastSample - b.lastSample)[0];
  return sampled?.file ?? (esmChildren.length === 1 ? esmChildren[0]!.file : undefined);
}

function topLevelOf(
  module: ProfiledModule,
  scale: number,
  options: { name: (file: string) => MeasuredModuleName; sourceLine: (file: string, call: string) => number | undefined },
): { topLevel?: TopLevelCost[] } {
  const floor = Math.max(0.05, module.selfMs * 0.01);
  const parts = [...module.parts.values()].filter((part) => part.ms >= floor).sort((a, b) => b.ms - a.ms).slice(0, 8);
  if (parts.length === 0) return {};
  return {
    topLevel: parts.map((part): TopLevelCost => {
      const line = part.line ?? (part.call ? options.sourceLine(module.file, part.call) : undefined);
      const at = line !== undefined ? { line } : {};
      return part.call
        ? { kind: 'call', call: part.call, ...(part.callee ? { callee: options.name(part.callee).id } : {}), ...at, ms: part.ms * scale }
        : { kind: 'code', ...at, ms: part.ms * scale };
    }),
  };
}

/**
 * The first line of `file` that calls `name` (`name(`, not its declaration): where a top-level
 * statement made the call the profile saw. Lines are of the file that ran (build output when a
 * build ran), which is what the profile's positions are in too.
 */
export function findCallLine(file: string, name: string): number | undefined {
  if (!/^[\w$]+$/.test(name)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const call = new RegExp(`(?<!function\\s*\\*?\\s*|[\\w$])${name.replace(/\$/g, '\\$')}\\s*\\(`);
  const lines = text.split('\n');
  const index = lines.findIndex((line) => call.test(line));
  return index === -1 ? undefined : index + 1;
}

/** Whether Node loads `file` as an ES module: `.mjs`, or `.js` under a package.json of "type": "module". */
function isEsModuleFile(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return false;
  }
}
