// Where a top-level binding is still used after a transform moved its uses behind a
// loader: value uses keep the import, type-only uses turn it into `import type`, none
// removes it. Shared by the three lazy-loading transforms.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

/** How often a name is referenced as a value and as a type, outside its own declaration. */
export interface BindingUses {
  value: number;
  type: number;
}

// Type-position wrappers that sit inside value expressions: their *expression* child is
// still a value use, only their annotation is a type.
const VALUE_CARRYING_TS_NODES = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

/** True when the identifier at `path` names a type (`X` in `: X`, `typeof X` in a type). */
export function isTypePosition(path: ASTPath): boolean {
  let child: ASTPath = path;
  let parent: ASTPath | null = path.parent;
  while (parent) {
    const type = parent.node.type as string;
    if (VALUE_CARRYING_TS_NODES.has(type)) return child.name !== 'expression';
    if (type.startsWith('TS')) return true;
    if (type === 'Program' || type.endsWith('Statement') || type.endsWith('Function') || type === 'FunctionDeclaration') return false;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** True when the identifier is a name but not a reference: `{ key: v }`, `obj.key`, `import { X }`. */
function isNonReference(path: ASTPath): boolean {
  const parent = path.parent?.node as any;
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return true;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'ClassProperty') && parent.key === path.node && !parent.computed && !parent.shorthand) return true;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && path.parent.parent?.node.type === 'ObjectPattern') return true;
  if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return true;
  if (parent.type === 'ExportSpecifier') return false; // `export { X }` re-exports the value
  if (parent.type === 'TSQualifiedName' && parent.right === path.node) return true;
  if (parent.type === 'VariableDeclarator' && parent.id === path.node) return true;
  if (parent.type === 'TSImportEqualsDeclaration' && parent.id === path.node) return true;
  return false;
}

/** True when `name` at `path` names a binding of an inner scope (a parameter, a local), not the module's. */
export function shadowed(path: ASTPath, name: string): boolean {
  try {
    const scope = (path as any).scope?.lookup(name);
    return scope !== undefined && scope !== null && !scope.isGlobal;
  } catch {
    // ast-types cannot scan a tree a transform left half-built (a declarator without its id yet):
    // count the reference, which at worst keeps an import.
    return false;
  }
}

/**
 * Counts value and type references to `name` in the file. A read of a local that shadows it
 * (`const modelRef = ...` in a function) is not a use of the import.
 */
export function countBindingUses(j: JSCodeshift, root: Collection, name: string, localScopes?: ReadonlySet<unknown>): BindingUses {
  const uses: BindingUses = { value: 0, type: 0 };
  root.find(j.Identifier, { name }).forEach((path) => {
    if (isNonReference(path)) return;
    if (!isTypePosition(path) && shadowed(path, name)) return;
    if (isTypePosition(path)) uses.type++;
    else if (!insideAny(path, localScopes)) uses.value++;
  });
  // `<X />` in TSX and shorthand `{ X }` are references too; shorthand shows as ObjectProperty.shorthand (counted above).
  return uses;
}

/** True when `path` sits inside one of `scopes` (functions that bind the name themselves). */
function insideAny(path: ASTPath, scopes: ReadonlySet<unknown> | undefined): boolean {
  if (!scopes || scopes.size === 0) return false;
  for (let p: ASTPath | null = path.parent; p; p = p.parent) if (scopes.has(p.node)) return true;
  return false;
}

/**
 * Removes import specifiers (and `const X = require(...)` declarations) listed in `names`
 * that have no value use left (uses inside `localScopes`, functions that bind the name themselves,
 * do not count); keeps type-only uses as `import type`. Returns the names removed.
 */
export function pruneUnusedImports(j: JSCodeshift, root: Collection, names: Iterable<string>, typescript: boolean, localScopes?: ReadonlySet<unknown>): string[] {
  const removed: string[] = [];
  for (const name of new Set(names)) {
    const uses = countBindingUses(j, root, name, localScopes);
    if (uses.value > 0) continue;
    let handled = false;
    root.find(j.ImportDeclaration).forEach((declPath) => {
      const decl = declPath.node;
      const specifiers = decl.specifiers ?? [];
      const spec = specifiers.find((s) => s.local?.name === name);
      if (!spec) return;
      handled = true;
      removed.push(name);
      if ((decl as any).importKind === 'type' || (spec as any).importKind === 'type') return; // already type-only
      const rest = specifiers.filter((s) => s !== spec);
      if (uses.type > 0 && typescript) {
        // The file writes `import { type A, B }`: the name stays where it is, marked.
        if (spec.type === 'ImportSpecifier' && inlineTypeStyle(j, root)) {
          (spec as any).importKind = 'type';
          if (specifiers.every((s) => (s as any).importKind === 'type')) toTypeOnlyImport(decl);
          return;
        }
        // An `import type` keeps the type without loading the module: one per module, holding
        // every type-only name in the order the original import listed them.
        const typeSpec = spec.type === 'ImportSpecifier' ? j.importSpecifier(j.identifier((spec as any).imported.name), j.identifier(name)) : spec;
        const merged = spec.type === 'ImportSpecifier' ? typeImportOf(j, root, String(decl.source.value)) : undefined;
        if (merged) {
          merged.specifiers = [...(merged.specifiers ?? []), typeSpec];
        } else {
          const typeImport = j.importDeclaration([typeSpec], j.stringLiteral(String(decl.source.value)));
          (typeImport as any).importKind = 'type';
          if (rest.length === 0) {
            // Reuse the original node: recast then reprints only its specifiers, in place.
            decl.specifiers = [typeSpec];
            (decl as any).importKind = 'type';
            return;
          }
          declPath.insertBefore(typeImport);
        }
      }
      if (rest.length === 0) declPath.prune();
      else {
        decl.specifiers = rest;
        // Only `{ type X }` left: written as `import type`, or the import would still load the module.
        if (rest.every((s: any) => s.importKind === 'type')) toTypeOnlyImport(decl);
      }
    });
    if (handled) continue;
    // `import X = require('m')`: kept as `import type X = require('m')` for type uses (the
    // loader's `typeof X` among them), which loads nothing.
    root.find(j.TSImportEqualsDeclaration as any).forEach((declPath: ASTPath<any>) => {
      const decl = declPath.node;
      if (decl.id?.name !== name || decl.moduleReference?.type !== 'TSExternalModuleReference' || declPath.parent?.node.type !== 'Program') return;
      handled = true;
      removed.push(name);
      if (decl.importKind === 'type') return;
      if (uses.type > 0 && typescript) decl.importKind = 'type';
      else declPath.prune();
    });
    if (handled) continue;
    // CommonJS: `const X = require('m')`, `const { X } = require('m')`, `var X = __toESM(require('m'))`.
    const helpers = localInteropHelpers(j, root);
    root.find(j.VariableDeclarator).forEach((declPath) => {
      const init = declPath.node.init as any;
      if (!isRequireLike(init, helpers) && !(init?.type === 'MemberExpression' && isRequireCall(init.object))) return;
      const id = declPath.node.id as any;
      if (id.type === 'Identifier' && id.name === name) {
        removed.push(name);
        removeDeclarator(j, declPath);
      } else if (id.type === 'ObjectPattern') {
        const props = id.properties.filter((p: any) => !((p.value ?? p.key)?.name === name));
        if (props.length === id.properties.length) return;
        removed.push(name);
        if (props.length === 0) removeDeclarator(j, declPath);
        else id.properties = props;
      }
    });
  }
  return removed;
}

/** True when the file already marks type-only names inline (`import { type A, B } from 'm'`). */
function inlineTypeStyle(j: JSCodeshift, root: Collection): boolean {
  return root.find(j.ImportDeclaration).some((path) => (path.node as any).importKind !== 'type' && (path.node.specifiers ?? []).some((s: any) => s.importKind === 'type'));
}

/** `import { type A, type B } from 'm'` -> `import type { A, B } from 'm'` (the inline form would still load `m`). */
function toTypeOnlyImport(decl: any): void {
  decl.importKind = 'type';
  for (const spec of decl.specifiers ?? []) spec.importKind = 'value';
}

/** The file's `import type { ... } from 'module'` with named specifiers, to add a name to. */
function typeImportOf(j: JSCodeshift, root: Collection, module: string): any {
  let found: any;
  root.find(j.ImportDeclaration, { source: { value: module } }).forEach((path) => {
    const node = path.node as any;
    if (!found && node.importKind === 'type' && (node.specifiers ?? []).every((s: any) => s.type === 'ImportSpecifier')) found = node;
  });
  return found;
}

function removeDeclarator(j: JSCodeshift, declPath: ASTPath<any>): void {
  const declaration = declPath.parent;
  if (declaration.node.declarations.length === 1) {
    keepLeadingComments(declaration);
    j(declaration).remove();
  } else declPath.prune();
}

/** A removed statement's leading comments (`// src/openai.ts` in a bundle) move to the statement after it. */
function keepLeadingComments(statement: ASTPath<any>): void {
  const leading = (statement.node.comments ?? []).filter((c: any) => c.leading);
  const siblings = statement.parent?.node.body;
  if (leading.length === 0 || !Array.isArray(siblings)) return;
  const next = siblings[siblings.indexOf(statement.node) + 1];
  if (!next) return;
  next.comments = [...leading, ...(next.comments ?? [])];
}

/** `require('x')` with a string literal argument. */
export function isRequireCall(node: any): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    (node.arguments[0].type === 'StringLiteral' || node.arguments[0].type === 'Literal') &&
    typeof node.arguments[0].value === 'string'
  );
}

/** Interop helpers compilers and bundlers wrap a `require` in: esbuild, tsc, babel. */
const INTEROP_HELPERS = /^(__toESM|__toModule|__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard)$/;

const localHelperCache = new WeakMap<object, Set<string>>();

/**
 * Names of the file's top-level functions that check `__esModule`: interop helpers a minifier
 * renamed (`var Z=(p,e,a)=>(...p.__esModule...)`), recognised by what they do.
 */
export function localInteropHelpers(j: JSCodeshift, root: Collection): Set<string> {
  // The root collection holds the File (its program is one step down): no search needed.
  const top = root.get().node;
  const program = top.type === 'File' ? top.program : top.type === 'Program' ? top : root.find(j.Program).get().node;
  const cached = localHelperCache.get(program);
  if (cached) return cached;
  const helpers = new Set<string>();
  const checksEsModule = (node: any) => j(node).find(j.Identifier, { name: '__esModule' }).size() > 0;
  for (const statement of program.body as any[]) {
    if (statement.type === 'FunctionDeclaration' && statement.id && checksEsModule(statement.body)) helpers.add(statement.id.name);
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (declarator.id.type === 'Identifier' && (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression') && checksEsModule(init)) helpers.add(declarator.id.name);
    }
  }
  localHelperCache.set(program, helpers);
  return helpers;
}

/**
 * `__toESM(require('x'), 1)`, `__importDefault(require('x'))` and the like (or a call of one of
 * `localHelpers`): the helper's name, the `require` call and its other arguments (literals only).
 */
export function interopRequire(node: any, localHelpers?: ReadonlySet<string>): { callee: string; require: any; extraArgs: any[] } | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier') return undefined;
  if (!INTEROP_HELPERS.test(node.callee.name) && !localHelpers?.has(node.callee.name)) return undefined;
  const [first, ...rest] = node.arguments;
  if (!isRequireCall(first) || rest.some((arg: any) => !/Literal$/.test(arg.type))) return undefined;
  return { callee: node.callee.name, require: first, extraArgs: rest };
}

/** A plain `require('x')` or one wrapped in an interop helper ({@link interopRequire}). */
export function isRequireLike(node: any, localHelpers?: ReadonlySet<string>): boolean {
  return isRequireCall(node) || interopRequire(node, localHelpers) !== undefined;
}
