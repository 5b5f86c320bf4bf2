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
  return { statementTarget: placed, nameTarget, shared, problems };
}
