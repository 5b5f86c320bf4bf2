import { posix } from 'node:path';
import type { GodModuleLayout } from './read-god-module.js';
import type { SplitOptions } from './split-options.js';

/** Where each top-level statement of the god-module goes: a file path (a cluster, the shared module or the old module). */
export interface Assignment {
  /** Target file of each statement, by statement index. */
  statementTarget: string[];
  /** Target file of each declared name. */
  nameTarget: Map<string, string>;
  /** The module helpers used by several targets go to. */
  shared: string;
  /** Problems that make the options unusable for this module, one line each. */
  problems: string[];
}

/** Default shared-helpers module: `src/utils.ts` -> `src/utils/shared.ts`. */
export function defaultSharedPath(module: string): string {
  const ext = posix.extname(module);
  return posix.join(module.slice(0, -ext.length || undefined), `shared${ext}`);
}

/**
 * Places every statement. Exported declarations go to the cluster that lists them (or stay in
 * the old module); a private helper goes where its only users are, or to the shared module
 * when modules in two places use it; imports are copied later to wherever their bindings are
 * used; anything that runs code at import time stays in the old module.
 */
export function assignDeclarations(layout: GodModuleLayout, options: SplitOptions): Assignment {
  const old = options.module;
  const shared = options.shared ?? defaultSharedPath(old);
  const problems: string[] = [];
  const nameTarget = new Map<string, string>();
  const clusterOfExport = new Map<string, string>();
  for (const cluster of options.clusters) {
    for (const name of cluster.exports) {
      const other = clusterOfExport.get(name);
      if (other && other !== cluster.module) problems.push(`"${name}" is listed in two clusters (${other} and ${cluster.module})`);
      clusterOfExport.set(name, cluster.module);
    }
  }
  for (const [name, module] of clusterOfExport) {
    const local = layout.exports.get(name);
    if (local === undefined) continue; // not declared here: checked by the caller (missing or already moved)
    nameTarget.set(local, module);
  }
  const statementTarget: Array<string | undefined> = layout.statements.map((s) => {
    if (s.kind === 'import' || s.kind === 'side-effect-import') return undefined;
    if (s.kind !== 'declaration') return old;
    const targets = new Set(s.declares.map((n) => nameTarget.get(n)).filter((t): t is string => !!t));
    if (targets.size > 1) problems.push(`one statement declares ${s.declares.join(', ')}, which are in different clusters`);
    const exported = s.exportedByModifier || s.declares.some((n) => [...layout.exports.values()].includes(n));
    if (targets.size > 0) return [...targets][0];
    return exported ? old : undefined; // undefined: a private helper, placed below
  });
  // Private helpers follow their users; repeat until nothing moves, since helpers use helpers.
  for (let round = 0, changed = true; changed && round < layout.statements.length + 1; round++) {
    changed = false;
    layout.statements.forEach((s, i) => {
      if (s.kind !== 'declaration' || s.exportedByModifier || s.declares.some((n) => [...layout.exports.values()].includes(n))) return;
      const users = new Set<string>();
      layout.statements.forEach((other, j) => {
        const target = statementTarget[j];
        if (j !== i && target && s.declares.some((n) => other.uses.has(n))) users.add(target);
      });
      const next = users.size === 0 ? undefined : users.size === 1 ? [...users][0] : shared;
      if (next !== statementTarget[i]) {
        statementTarget[i] = next;
        changed = true;
      }
    });
  }
  const placed = statementTarget.map((t, i) => {
    const s = layout.statements[i]!;
    return s.kind === 'import' || s.kind === 'side-effect-import' ? '' : (t ?? old);
  });
  // A statement assigning a top-level name must sit with its declaration: elsewhere the name
  // would be an import binding, which cannot be assigned. Import-time code (`(function (E) {
  // ... })(E || (E = {}))`, as compilers emit enums) follows the declaration; a declaration
  // that assigns a name declared in another target makes the split unusable.
  const declaredAt = new Map<string, number>();
  layout.statements.forEach((s, i) => s.declares.forEach((n) => declaredAt.set(n, i)));
  layout.statements.forEach((s, i) => {
    for (const name of s.assigns ?? []) {
      const at = declaredAt.get(name);
      if (at === undefined || at === i || placed[at] === placed[i]) continue;
      if (s.kind === 'other') placed[i] = placed[at]!;
      else if (s.kind === 'declaration') problems.push(`${s.declares.join(', ')} assigns ${name}, which goes to ${placed[at]} while ${s.declares.join(', ')} goes to ${placed[i]}`);
    }
  });
  layout.statements.forEach((s, i) => s.declares.forEach((n) => nameTarget.set(n, placed[i]!)));
  const cycle = evaluationCycle(layout, placed, nameTarget);
  if (cycle) problems.push(`the new modules would import each other in a cycle (${cycle.join(' -> ')}), so one would run before what it reads at import exists`);
  return { statementTarget: placed, nameTarget, shared, problems };
}

/**
 * A cycle among the modules the split creates (and the old module) that can break loading:
 * in CommonJS output every cycle can (each side destructures the other's exports at require
 * time); in ESM, a cycle where some module reads another's binding while it is evaluated (a
 * class `extends`, a top-level call or initialiser), not only inside function declarations.
 * Returns the modules of one such cycle, or undefined.
 */
function evaluationCycle(layout: GodModuleLayout, placed: string[], nameTarget: Map<string, string>): string[] | undefined {
  // Types (interfaces, aliases) are erased: importing one creates no runtime edge.
  const typeNames = new Set(layout.statements.filter((s) => s.typeOnly).flatMap((s) => s.declares));
  // from -> to -> true when some use is evaluated at import
  const edges = new Map<string, Map<string, boolean>>();
  layout.statements.forEach((s, i) => {
    const from = placed[i];
    if (!from || s.typeOnly) return;
    for (const name of s.uses) {
      const to = nameTarget.get(name);
      if (!to || to === from || s.declares.includes(name) || typeNames.has(name)) continue;
      const targets = edges.get(from) ?? new Map<string, boolean>();
      targets.set(to, (targets.get(to) ?? false) || s.functionDeclaration !== true);
      edges.set(from, targets);
    }
  });
  for (const start of edges.keys()) {
    // Depth-first search for a path back to `start`.
    const stack: Array<{ node: string; path: string[]; eager: boolean }> = [{ node: start, path: [start], eager: false }];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const { node, path, eager } = stack.pop()!;
      for (const [next, nextEager] of edges.get(node) ?? []) {
        const isEager = eager || nextEager;
        if (next === start && (layout.format === 'commonjs' || isEager)) return [...path, start];
        const key = `${next}|${isEager}`;
        if (seen.has(key) || next === start) continue;
        seen.add(key);
        stack.push({ node: next, path: [...path, next], eager: isEager });
      }
    }
  }
  return undefined;
}
