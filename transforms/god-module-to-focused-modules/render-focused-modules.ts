import type { Assignment } from './assign-declarations.js';
import { moveSpecifier, specifierFor, type ExtensionStyle } from './module-specifiers.js';
import type { GodModuleLayout, ImportBinding, ModuleStatement } from './read-god-module.js';
import type { SplitOptions } from './split-options.js';

/** Sources of the split: each new module, and what the old module becomes. */
export interface RenderedSplit {
  /** New modules (clusters and, when needed, the shared module), in cluster order. */
  created: Array<{ path: string; source: string }>;
  /** The old module: re-exports of everything that moved, plus what stayed. */
  shim: string;
}

/** Writes the focused modules and the re-export shim from the assignment. */
export function renderSplit(layout: GodModuleLayout, assignment: Assignment, options: SplitOptions, style: ExtensionStyle): RenderedSplit {
  const old = options.module;
  const isTypeScript = /\.[mc]?tsx?$/.test(old);
  const commonjs = layout.format === 'commonjs';
  const directives = layout.statements.filter((s) => s.kind === 'directive').map((s) => s.text);
  const declaringStatement = new Map<string, ModuleStatement>();
  for (const s of layout.statements) for (const n of s.declares) declaringStatement.set(n, s);
  // Names some other file imports from the target they live in.
  const importedFrom = new Map<string, Set<string>>();
  const targets = [...new Set([...options.clusters.map((c) => c.module), assignment.shared])];

  const bodyOf = (target: string): string => {
    // The old module's export lists are re-rendered below with only the names that stayed.
    const statements = layout.statements.filter((s, i) => assignment.statementTarget[i] === target && s.kind !== 'directive' && !(target === old && s.kind === 'export-list'));
    const declaredHere = new Set(statements.flatMap((s) => s.declares));
    const needed = new Set([...statements.flatMap((s) => [...s.uses])].filter((n) => !declaredHere.has(n)));
    // The old module keeps re-exporting what it exported from its own imports (`exports.$Command = $Command`).
    if (target === old) for (const local of layout.exports.values()) if (!assignment.nameTarget.has(local) && !declaredHere.has(local)) needed.add(local);
    const lines: string[] = [];
    for (const s of layout.statements) {
      if (s.kind === 'side-effect-import' && target === old) lines.push(s.text);
      if (s.kind !== 'import') continue;
      const used = s.bindings!.filter((b) => needed.has(b.local));
      if (used.length > 0) lines.push((commonjs ? renderRequire : renderImport)(used, moveSpecifier(s.specifier!, old, target), s.importTypeOnly === true));
    }
    const byFile = new Map<string, string[]>();
    for (const name of needed) {
      const from = assignment.nameTarget.get(name);
      if (!from || from === target) continue;
      const typeOnly = declaringStatement.get(name)?.typeOnly === true && isTypeScript;
      byFile.set(from, [...(byFile.get(from) ?? []), typeOnly ? `type ${name}` : name]);
      if (!importedFrom.has(from)) importedFrom.set(from, new Set());
      importedFrom.get(from)!.add(name);
    }
    for (const [from, names] of byFile) {
      const specifier = specifierFor(target, from, style);
      lines.push(commonjs ? `const { ${names.sort(byName).join(', ')} } = require('${specifier}');` : namedClause('import', names.sort(byName), specifier));
    }
    const body = statements.map((s, i) => (i > 0 && s.blankLineBefore ? `\n${s.text}` : s.text));
    return [lines.join('\n'), body.join('\n')].filter(Boolean).join('\n\n');
  };

  const bodies = new Map(targets.map((t) => [t, bodyOf(t)]));
  const oldBody = bodyOf(old);
  const exportsOf = (target: string): string[] => {
    const out: string[] = [];
    const listed = [...layout.exports].filter(([name, local]) => assignment.nameTarget.get(local) === target && !isModifierExport(layout, local, name));
    const needExport = [...(importedFrom.get(target) ?? [])].filter((n) => !isExported(layout, n)).sort(byName);
    const entries = [...listed.map(([name, local]) => (name === local ? name : `${local} as ${name}`)), ...needExport];
    if (entries.length > 0 && commonjs) out.push(`module.exports = { ${entries.map((e) => e.replace(/^(\S+) as (\S+)$/, '$2: $1')).join(', ')} };`);
    else if (entries.length > 0) out.push(`export { ${entries.join(', ')} };`);
    return out;
  };

  const created = targets
    .filter((t) => layout.statements.some((_, i) => assignment.statementTarget[i] === t))
    .map((path) => ({ path, source: `${[...directives, bodies.get(path)!, ...exportsOf(path)].filter(Boolean).join('\n\n')}\n` }));

  const reExports: string[] = [];
  for (const path of targets) {
    const moved = [...layout.exports].filter(([, local]) => assignment.nameTarget.get(local) === path).map(([name]) => name);
    if (moved.length === 0) continue;
    const specifier = specifierFor(old, path, style);
    const values = moved.filter((n) => !(isTypeScript && declaringStatement.get(layout.exports.get(n)!)?.typeOnly)).sort(byName);
    const types = moved.filter((n) => !values.includes(n)).sort(byName);
    const deprecated = options.deprecate ? `/** @deprecated Moved to '${specifier}': import from there. */\n` : '';
    if (values.length > 0) reExports.push(`${deprecated}${namedClause('export', values, specifier)}`);
    if (types.length > 0) reExports.push(`${deprecated}${namedClause('export type', types, specifier)}`);
  }
  // Names that stay exported here: declared here, or import bindings the module re-exports (no target).
  const staysHere = (local: string) => !assignment.nameTarget.has(local) || assignment.nameTarget.get(local) === old;
  const keptLists = layout.statements
    .filter((s, i) => s.kind === 'export-list' && assignment.statementTarget[i] === old)
    .map((s) => s.exportList!.filter((e) => staysHere(e.local)))
    .filter((list) => list.length > 0)
    .map((list) => `export { ${list.map((e) => (e.name === e.local ? e.name : `${e.local} as ${e.name}`)).join(', ')} };`);
  const shimHeader = '// Re-exports what moved to focused modules, so every name importable from this path still is.';
  if (commonjs) {
    // One export object: everything the focused modules export, then what stayed here.
    const spreads = targets
      .filter((path) => [...layout.exports].some(([, local]) => assignment.nameTarget.get(local) === path))
      .map((path) => `${options.deprecate ? `  /** @deprecated Moved to '${specifierFor(old, path, style)}': require it from there. */\n` : ''}  ...require('${specifierFor(old, path, style)}'),`);
    const kept = [...layout.exports].filter(([, local]) => staysHere(local)).map(([name, local]) => `  ${name === local ? name : `${name}: ${local}`},`);
    // What stays here may still write to `exports` (`exports.x = shared.x`, `__exportStar(...)`):
    // the new export object keeps those names too, after the ones a loader can read statically.
    const ownWrites = /\bexports\b/.test(oldBody) ? ['  ...exports,'] : [];
    const exportObject = `module.exports = {\n${[...spreads, ...kept, ...ownWrites].join('\n')}\n};`;
    return { created, shim: `${[...directives, shimHeader, oldBody, exportObject].filter(Boolean).join('\n\n')}\n` };
  }
  const shim = `${[shimHeader + '\n' + reExports.join('\n'), oldBody, ...keptLists].filter(Boolean).join('\n\n')}\n`;
  return { created, shim };
}

function renderRequire(bindings: ImportBinding[], specifier: string): string {
  const whole = bindings.find((b) => b.imported === '*' || b.imported === 'default');
  if (whole) return `const ${whole.local} = require('${specifier}');`;
  return `const { ${bindings.map((b) => (b.imported === b.local ? b.local : `${b.imported}: ${b.local}`)).join(', ')} } = require('${specifier}');`;
}

function renderImport(bindings: ImportBinding[], specifier: string, typeOnly: boolean): string {
  const head = typeOnly ? 'import type' : 'import';
  const def = bindings.find((b) => b.imported === 'default');
  const ns = bindings.find((b) => b.imported === '*');
  const named = bindings
    .filter((b) => b.imported !== 'default' && b.imported !== '*')
    .map((b) => `${b.typeOnly && !typeOnly ? 'type ' : ''}${b.imported === b.local ? b.local : `${b.imported} as ${b.local}`}`);
  const parts: string[] = [];
  if (def) parts.push(def.local);
  if (ns) parts.push(`* as ${ns.local}`);
  if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
  // A default and a namespace cannot share one clause with named bindings in every form; split when both.
  if (def && ns) return `${head} ${def.local} from '${specifier}';\n${head} * as ${ns.local} from '${specifier}';${named.length ? `\n${head} { ${named.join(', ')} } from '${specifier}';` : ''}`;
  return `${head} ${parts.join(', ')} from '${specifier}';`;
}

/** `import { a, b } from 'x';`, one name a line when it would not fit in 100 columns. */
function namedClause(head: string, names: string[], specifier: string): string {
  const flat = `${head} { ${names.join(', ')} } from '${specifier}';`;
  if (flat.length <= 100) return flat;
  return `${head} {\n${names.map((n) => `  ${n},\n`).join('')}} from '${specifier}';`;
}

function isExported(layout: GodModuleLayout, local: string): boolean {
  return [...layout.exports.values()].includes(local);
}

function isModifierExport(layout: GodModuleLayout, local: string, name: string): boolean {
  return local === name && layout.statements.some((s) => s.kind === 'declaration' && s.exportedByModifier && s.declares.includes(local));
}

function byName(a: string, b: string): number {
  const key = (s: string) => s.replace(/^type /, '');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
