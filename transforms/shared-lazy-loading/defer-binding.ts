// Moves a top-level import whose value is only read inside function bodies into those
// bodies: `require` at each use for CommonJS output, `await import()` for native ESM (only
// when every use sits in an async function). Type-only uses keep an `import type`.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isTypePosition, pruneUnusedImports } from './binding-uses.js';
import { findBindingSource, lazyReferenceText, parseExpression, type ModuleFormat } from './lazy-reference.js';

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'TSDeclareMethod',
]);

/** The nearest function around `path`, or undefined when the code runs at module evaluation. */
export function enclosingFunction(path: ASTPath<any>): ASTPath<any> | undefined {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.node.type)) return p;
    // Instance field initialisers run at construction, not at import.
    if ((p.node.type === 'ClassProperty' || p.node.type === 'ClassPrivateProperty') && !p.node.static) return p;
  }
  return undefined;
}

/** Why a binding cannot be deferred, or the paths of its value uses when it can. */
export type DeferCheck = { ok: true; uses: ASTPath<any>[] } | { ok: false; reason: string };

/** Value references to `local` that are real references (not keys, members or the import itself). */
export function valueReferences(j: JSCodeshift, root: Collection, local: string): ASTPath<any>[] {
  const uses: ASTPath<any>[] = [];
  root.find(j.Identifier, { name: local }).forEach((path) => {
    const parent = path.parent.node;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return;
    if ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'ClassProperty') && parent.key === path.node && !parent.computed && !parent.shorthand) return;
    if (/^Import(Default|Namespace)?Specifier$/.test(parent.type)) return;
    if (parent.type === 'VariableDeclarator' && parent.id === path.node) return;
    if (parent.type === 'TSQualifiedName' && parent.right === path.node) return;
    if (parent.type === 'ObjectProperty' && path.parent.parent?.node.type === 'ObjectPattern') return; // const { x } = require()
    if (isTypePosition(path)) return;
    uses.push(path);
  });
  return uses;
}

/** Checks that every value use of `local` runs inside a function (async ones for ESM). */
export function checkDeferrable(j: JSCodeshift, root: Collection, local: string, format: ModuleFormat): DeferCheck {
  const uses = valueReferences(j, root, local);
  for (const use of uses) {
    const fn = enclosingFunction(use);
    const line = use.node.loc?.start.line ?? '?';
    if (!fn) return { ok: false, reason: `${local} is used at module level (line ${line})` };
    if (use.parent.node.type === 'ExportSpecifier') return { ok: false, reason: `${local} is re-exported (line ${line})` };
    if (format === 'esm' && !fn.node.async) {
      return { ok: false, reason: `${local} is used in a synchronous function (line ${line}); it would have to become async to use import()` };
    }
  }
  return { ok: true, uses };
}

/**
 * Defers `local`'s import into its uses. Returns undefined when done, or why not (nothing
 * changes then). A binding with no value use left becomes `import type` or goes away.
 */
export function deferBinding(j: JSCodeshift, root: Collection, local: string, format: ModuleFormat, typescript: boolean): string | undefined {
  const source = findBindingSource(j, root, local);
  if (!source) return `${local} is not bound by a top-level import or require`;
  if (source.typeOnly) return undefined;
  const check = checkDeferrable(j, root, local, format);
  if (!check.ok) return check.reason;
  const text = lazyReferenceText(source, format, typescript);
  for (const use of check.uses) {
    const replacement = parseExpression(j, text);
    const parent = use.parent.node;
    // `new require('m').X()` would construct `require`; `{ X }` shorthand needs its key kept.
    if ((parent.type === 'NewExpression' && parent.callee === use.node) || replacement.type === 'AwaitExpression' || (parent.type === 'MemberExpression' && parent.object === use.node && replacement.type !== 'MemberExpression')) {
      replacement.extra = { ...(replacement.extra ?? {}), parenthesized: true };
    }
    if (parent.type === 'ObjectProperty' && parent.shorthand && parent.value === use.node) {
      parent.shorthand = false;
      parent.key = j.identifier(local);
    }
    use.replace(replacement);
  }
  pruneUnusedImports(j, root, [local], typescript);
  return undefined;
}
