// Compiled CommonJS defines its interop helpers at the top of each file: Babel's
// (`function _interopRequireDefault(e) {...}`, or `var _interopRequireDefault =
// require("@babel/runtime/helpers/interopRequireDefault")`), called around every require, and
// tsc's (`var __exportStar = (this && this.__exportStar) || function (m, exports) {...}`), called
// for every `export *`. When a rewrite moves those requires into a manifest or getters, the
// helpers are left with no caller; a hand-written change would drop them, and the runtime form
// would still load its module at import. Only helpers the file called before the rewrite and
// calls no more are removed.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { countBindingUses } from './binding-uses.js';

/** Babel's and tsc's interop helpers; each later one is called only by those before it (or by helpers the file keeps). */
const HELPERS = ['_interopRequireDefault', '_interopRequireWildcard', '_getRequireWildcardCache', '_typeof', '__exportStar', '__createBinding'];

/** The helpers' top-level declarations in the file: a function, a `var` of a require of @babel/runtime, or tsc's `var __x = (this && this.__x) || ...`. */
function helperDeclarations(j: JSCodeshift, root: Collection): Map<string, ASTPath> {
  const found = new Map<string, ASTPath>();
  const body = root.find(j.Program).paths()[0]?.get('body');
  if (!body) return found;
  body.each((path: ASTPath<any>) => {
    const node = path.node;
    if (node.type === 'FunctionDeclaration' && HELPERS.includes(node.id?.name)) found.set(node.id.name, path);
    if (node.type === 'VariableDeclaration' && node.declarations.length === 1) {
      const [declarator] = node.declarations;
      const name = declarator.id.type === 'Identifier' ? declarator.id.name : undefined;
      if (name && HELPERS.includes(name) && (requiresBabelRuntime(declarator.init) || isTscHelper(declarator.init, name))) found.set(name, path);
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

/** tsc's `(this && this.__exportStar) || function (...) {...}`: the helper, unless the module already has one. */
function isTscHelper(init: any, name: string): boolean {
  const left = init?.type === 'LogicalExpression' && init.operator === '||' ? init.left : undefined;
  const member = left?.type === 'LogicalExpression' && left.operator === '&&' && left.left.type === 'ThisExpression' ? left.right : undefined;
  return member?.type === 'MemberExpression' && member.object.type === 'ThisExpression' && !member.computed && member.property.name === name;
}

/** How many value references to `name` the file has outside `declaration` (a helper calls itself: `_typeof`). */
function usesOutside(j: JSCodeshift, root: Collection, name: string, declaration: ASTPath): number {
  return countBindingUses(j, root, name, new Set([declaration.node])).value;
}

/** The helpers the file calls now; read before a rewrite, handed to {@link pruneInteropHelpers} after it. */
export function calledInteropHelpers(j: JSCodeshift, root: Collection): Set<string> {
  const called = new Set<string>();
  for (const [name, declaration] of helperDeclarations(j, root)) if (usesOutside(j, root, name, declaration) > 0) called.add(name);
  return called;
}

/** Removes the helpers of `calledBefore` the file no longer calls; returns their names. */
export function pruneInteropHelpers(j: JSCodeshift, root: Collection, calledBefore: ReadonlySet<string>): string[] {
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
