// Turns "the value bound to X by `import { X } from 'm'`" into an expression that loads
// `m` only when evaluated: `require` for CommonJS output, `await import()` for native ESM, and
// a module-level `createRequire(import.meta.url)` for native ESM on a Node that can require it.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { interopRequire, isRequireCall, localInteropHelpers } from './binding-uses.js';

/** Where a local binding's value comes from. */
export interface BindingSource {
  /** Module specifier as written in the source. */
  module: string;
  /** Export name, `default`, or `*` for the whole module (namespace import or `const X = require('m')`). */
  imported: string;
  /** True when the binding is an `import type` (it never loads anything). */
  typeOnly: boolean;
  /**
   * The interop helper the `require` was wrapped in (`var x = __toESM(require('m'), 1)`, as
   * bundlers emit), with its other arguments as source text: a lazy load keeps the wrapper.
   */
  interop?: { callee: string; extraArgs: string[] };
}

/**
 * How the file's output loads a module lazily: `cjs`, CommonJS output (`require`); `esm`, native
 * ESM (`await import()`, so only inside async functions); `esm-require`, native ESM whose
 * supported Node versions all `require()` ES modules (a `require` made by `createRequire`,
 * synchronous like CommonJS).
 */
export type ModuleFormat = 'cjs' | 'esm' | 'esm-require';

export const MODULE_FORMATS: readonly ModuleFormat[] = ['cjs', 'esm', 'esm-require'];

/** True when the format loads synchronously (`require`), so lazy values keep synchronous reads. */
export const loadsSynchronously = (format: ModuleFormat) => format !== 'esm';

/** Finds the import or top-level `require` that binds `local`, if any. */
export function findBindingSource(j: JSCodeshift, root: Collection, local: string): BindingSource | undefined {
  let found: BindingSource | undefined;
  root.find(j.ImportDeclaration).forEach((path) => {
    for (const spec of path.node.specifiers ?? []) {
      if (spec.local?.name !== local) continue;
      const typeOnly = (path.node as any).importKind === 'type' || (spec as any).importKind === 'type';
      const module = String(path.node.source.value);
      if (spec.type === 'ImportDefaultSpecifier') found = { module, imported: 'default', typeOnly };
      else if (spec.type === 'ImportNamespaceSpecifier') found = { module, imported: '*', typeOnly };
      else found = { module, imported: String((spec as any).imported.name ?? (spec as any).imported.value), typeOnly };
    }
  });
  if (found) return found;
  const helpers = localInteropHelpers(j, root);
  root.find(j.VariableDeclarator).forEach((path) => {
    if (path.parent?.parent?.node.type !== 'Program') return;
    const init = path.node.init as any;
    const id = path.node.id as any;
    const wrapped = interopRequire(init, helpers);
    if (wrapped && id.type === 'Identifier' && id.name === local) {
      const extraArgs = wrapped.extraArgs.map((arg: any) => j(arg).toSource());
      found = { module: wrapped.require.arguments[0].value, imported: '*', typeOnly: false, interop: { callee: wrapped.callee, extraArgs } };
    } else if (isRequireCall(init)) {
      const module = init.arguments[0].value;
      if (id.type === 'Identifier' && id.name === local) found = { module, imported: '*', typeOnly: false };
      if (id.type === 'ObjectPattern') {
        for (const prop of id.properties) {
          if ((prop.value ?? prop.key)?.name === local) found = { module, imported: prop.key.name, typeOnly: false };
        }
      }
    } else if (init?.type === 'MemberExpression' && isRequireCall(init.object) && !init.computed && id.type === 'Identifier' && id.name === local) {
      found = { module: init.object.arguments[0].value, imported: init.property.name, typeOnly: false };
    }
  });
  return found;
}

const isRelative = (spec: string) => spec.startsWith('.') || spec.startsWith('/');
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const member = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${quote(name)}]`);

/**
 * Source text of an expression that loads `source` when evaluated.
 * - cjs + TypeScript: `(require('m') as typeof import('m')).X`, so the value keeps its type.
 * - cjs + JavaScript: `require('m').X`.
 * - esm: `(await import('m')).X`; only valid inside an async function (callers check).
 * - esm-require: as cjs; the file declares `require` first ({@link MODULE_REQUIRE_LINES}).
 * A default import of a package (not a relative module) goes through the same interop
 * check tsc emits, because a CommonJS package may have no `default` export; under
 * esm-require an ES module package's namespace (tagged `Module`) gives its `default` too.
 */
export function lazyReferenceText(source: BindingSource, format: ModuleFormat, typescript: boolean): string {
  const spec = quote(source.module);
  if (format === 'esm') {
    const loaded = `(await import(${spec}))`;
    return source.imported === '*' ? loaded : `${loaded}${member(source.imported)}`;
  }
  if (source.interop) return interopText(source, spec);
  const required = typescript ? `(require(${spec}) as typeof import(${spec}))` : `require(${spec})`;
  if (source.imported === '*') return required;
  if (source.imported === 'default' && !isRelative(source.module)) {
    const esModule = format === 'esm-require' ? `(require(${spec}).__esModule || require(${spec})[Symbol.toStringTag] === 'Module')` : `require(${spec}).__esModule`;
    const interop = `(${esModule} ? require(${spec}).default : require(${spec}))`;
    return typescript ? `(${interop} as typeof import(${spec}).default)` : interop;
  }
  return `${required}${member(source.imported)}`;
}

/** `__toESM(require('m'), 1)`: the require in its original interop wrapper. */
export function interopText(source: BindingSource, spec: string): string {
  const { callee, extraArgs } = source.interop!;
  return `${callee}(${[`require(${spec})`, ...extraArgs].join(', ')})`;
}

/** Source text of a loader function for `source`: `() => require(...)` or `() => import(...).then(...)`. */
export function loaderText(source: BindingSource, format: ModuleFormat, typescript: boolean): string {
  if (format === 'esm') {
    const spec = quote(source.module);
    return source.imported === '*' ? `() => import(${spec})` : `() => import(${spec}).then((m) => m${member(source.imported)})`;
  }
  return `() => ${lazyReferenceText(source, format, typescript)}`;
}

/**
 * Source lines that give a native ESM module a `require` (for esm-require loaders):
 * `import { createRequire } from 'node:module';` and `const require = createRequire(import.meta.url);`.
 */
export const MODULE_REQUIRE_LINES = [`import { createRequire } from 'node:module';`, `const require = createRequire(import.meta.url);`];

/** Parses an expression snippet with the transform's parser. */
export function parseExpression(j: JSCodeshift, text: string): any {
  const program = j(`(${text});`).get().node.program;
  const expression = program.body[0].expression;
  // recast keeps the wrapping parentheses as `extra.parenthesized`; drop it so callers decide.
  if (expression.extra) expression.extra.parenthesized = false;
  return expression;
}
