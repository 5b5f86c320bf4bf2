// Babel's CommonJS output defines its interop helpers at the top of each file
// (`function _interopRequireDefault(e) {...}`, or `var _interopRequireDefault =
// require("@babel/runtime/helpers/interopRequireDefault")`) and calls them around every require.
// When a rewrite moves all of those requires into a manifest, the helpers are left with no caller;
// a hand-written change would drop them, and the runtime form would still load its module at
// import. Only helpers the file called before the rewrite and calls no more are removed.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { countBindingUses } from './binding-uses.js';

/** Babel's interop helpers; each later one is called only by those before it. */
const HELPERS = ['_interopRequireDefault', '_interopRequireWildcard', '_getRequireWildcardCache', '_typeof'];

/** The helpers' top-level declarations in the file: a function, or a `var` of a require of @babel/runtime. */
function helperDeclarations(j: JSCodeshift, root: Collection): Map<string, ASTPath> {
  const found = new Map<string, ASTPath>();
  const body = root.find(j.Program).paths()[0]?.get('body');
  if (!body) return found;
  body.each((path: ASTPath<any>) => {
    const node = path.node;
    if (node.type === 'FunctionDeclaration' && HELPERS.includes(node.id?.name)) found.set(node.id.name, path);
    if (node.type === 'VariableDeclaration' && node.declarations.length === 1) {
      const [declarator] = node.declarations;
      if (declarator.id.type === 'Identifier' && HELPERS.includes(declarator.id.name) && requiresBabelRuntime(declarator.init)) found.set(declarator.id.name, path);
    }
  });
  return found;
}

/** `require("@babel/runtime/helpers/x")`, or its `.default`. */
function requiresBabelRuntime(init: any): boolean {
  const call = init?.type === 'MemberExpression' ? init.object : init;
  const specifier = call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require' ? call.arguments[0] : undefined;
  return typeof specifier?.value === 'string' && /^@babel\/runtime(-corejs\d)?\/helpers\//.test(specifier.value);
}

/** How many value references to `name` the file has outside `declaration` (a helper calls itself: `_typeof`). */
function usesOutside(j: JSCodeshift, root: Collection, name: string, declaration: ASTPath): number {
  return countBindingUses(j, root, name, new Set([declaration.node])).value;
}

/** The helpers the file calls now; read before a rewrite, handed to {@link pruneBabelHelpers} after it. */
export function calledBabelHelpers(j: JSCodeshift, root: Collection): Set<string> {
  const called = new Set<string>();
  for (const [name, declaration] of helperDeclarations(j, root)) if (usesOutside(j, root, name, declaration) > 0) called.add(name);
  return called;
}

/** Removes the helpers of `calledBefore` the file no longer calls; returns their names. */
export function pruneBabelHelpers(j: JSCodeshift, root: Collection, calledBefore: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  const declarations = helperDeclarations(j, root);
  // In order: dropping `_interopRequireWildcard` leaves `_getRequireWildcardCache` and `_typeof` uncalled.
  for (const name of HELPERS) {
    const declaration = declarations.get(name);
    if (!declaration || !calledBefore.has(name) || usesOutside(j, root, name, declaration) > 0) continue;
    declaration.prune();
    removed.push(name);
  }
  return removed;
}
