import type { PackageJson } from './read-package-json.js';

/** Where the entry path came from, for messages. */
export type EntrySource = 'exports' | 'main' | 'module' | 'index';

/**
 * The path (relative to the package dir, as written) a runtime loads when someone imports
 * the package by name: `exports["."]` first (Node ignores `main` when `exports` exists),
 * then `main`, then `module`, then `index.js`.
 * `conditions` are the active export conditions in priority-free form: like Node, the first
 * key of a conditions object that is active wins, in the object's own key order.
 */
export function findPackageEntry(
  pkg: PackageJson,
  conditions: readonly string[],
): { path: string; source: EntrySource } | undefined {
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = resolveExportsRoot(pkg.exports, conditions);
    if (target) return { path: target, source: 'exports' };
  }
  if (typeof pkg.main === 'string' && pkg.main.trim()) return { path: pkg.main, source: 'main' };
  if (typeof pkg.module === 'string' && pkg.module.trim()) return { path: pkg.module, source: 'module' };
  return undefined;
}

/** Active conditions for a package of the given format, as Node uses them. */
export function conditionsFor(format: 'esm' | 'commonjs'): string[] {
  return format === 'esm' ? ['node', 'import', 'module-sync', 'default'] : ['node', 'require', 'module-sync', 'default'];
}

function resolveExportsRoot(exportsField: unknown, conditions: readonly string[]): string | undefined {
  if (isSubpathMap(exportsField)) return resolveTarget((exportsField as Record<string, unknown>)['.'], conditions);
  return resolveTarget(exportsField, conditions);
}

/** A subpath map has keys starting with `.`; a conditions object has none. */
function isSubpathMap(value: unknown): boolean {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith('.'))
  );
}

function resolveTarget(target: unknown, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = resolveTarget(item, conditions);
      if (found) return found;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [key, value] of Object.entries(target)) {
      if (!conditions.includes(key)) continue;
      const found = resolveTarget(value, conditions);
      if (found) return found;
    }
  }
  return undefined;
}
