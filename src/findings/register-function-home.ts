import type { ModuleFacts } from '../facts/module-facts.js';

/**
 * Where a register function comes from: `registerProvider` imported from '../registry', or
 * `registry.register` with `const registry = require('../registry')` (the file's import
 * bindings, resolved by the graph), else the file itself when it defines the function. Undefined
 * for a method of a local Map or object (`byName.set`) or of a package: no register function of
 * the project to give a loader. Findings block on it; the plan passes it to the transform.
 */
export function registerFunctionHome(file: string, callee: string, facts: Record<string, ModuleFacts> | undefined): { module: string; exportName: string } | undefined {
  const own = facts?.[file];
  if (!own) return undefined;
  const [binding, member] = callee.includes('.') ? callee.split('.') : [callee, undefined];
  for (const b of own.bindings) {
    if (b.local !== binding) continue;
    // A project module (a relative specifier the graph resolved); packages are not rewritten.
    const module = b.specifier.startsWith('.') && !b.module.startsWith('.') ? b.module : undefined;
    const whole = b.imported === '*' || (b.via === 'import' && b.imported === 'default');
    if (member && whole) return module ? { module, exportName: member } : undefined;
    if (!member && !whole) return module ? { module, exportName: b.imported } : undefined;
  }
  // Defined in the same file.
  const defined = own.registerFunctions?.some((f) => f.name === callee) || own.declarations?.some((d) => d.name === callee && d.declarationKind === 'function');
  return defined ? { module: file, exportName: callee } : undefined;
}
