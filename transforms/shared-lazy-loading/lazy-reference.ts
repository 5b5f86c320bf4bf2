// Turns "the value bound to X by `import { X } from 'm'`" into an expression that loads
// `m` only when evaluated: `require` for CommonJS output, `await import()` for native ESM, and
// a module-level `createRequire(import.meta.url)` for native ESM on a Node that can require it.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { memberText, stringLiteral } from './js-literal.js';
import { interopRequire, isRequireCall, localInteropHelpers } from './binding-uses.js';
import type { LazyLoadFormat } from '../transform-module.js';

export type { LazyLoadFormat } from '../transform-module.js';

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
  /** True when an `import` declaration binds it (its type is then known); false for `require()`. */
  fromImport?: boolean;
  /** True for TypeScript's `import X = require('m')`: the module object itself, no interop. */
  requireEquals?: boolean;
  /**
   * `default` read through tsc's or Babel's interop (`__importDefault(require('./x')).default`):
   * the module's `default` when it is an ES module (`__esModule`), else the module itself, for a
   * relative module too.
   */
  esModuleDefault?: boolean;
}


/** True when the format loads synchronously (`require`), so lazy values keep synchronous reads. */
export const loadsSynchronously = (format: LazyLoadFormat) => format !== 'esm';

/** Finds the import or top-level `require` that binds `local`, if any. */
export function findBindingSource(j: JSCodeshift, root: Collection, local: string): BindingSource | undefined {
  return bindingSources(j, root)(local);
}

/**
 * Every import and top-level `require` binding of the file, found in one walk: a lookup for
 * callers that ask about many names (a registry of hundreds of entries), where a walk per name
 * made planning quadratic in the file's size. The walk looks for import declarations (the
 * parser allows them anywhere, and `declare module` blocks hold their own); `import X =
 * require()` and `require` bindings are top-level statements, read from the program's body
 * without a walk. The lookup reflects the tree as it was when called; a caller that edits
 * imports builds a new one. An import wins over a `require` of the same name, and among each the
 * last one written wins.
 */
export function bindingSources(j: JSCodeshift, root: Collection): (local: string) => BindingSource | undefined {
  const imports = new Map<string, BindingSource>();
  root.find(j.ImportDeclaration).forEach((path) => {
    for (const spec of path.node.specifiers ?? []) {
      const local = spec.local?.name;
      if (typeof local !== 'string') continue;
      const typeOnly = (path.node as any).importKind === 'type' || (spec as any).importKind === 'type';
      const module = String(path.node.source.value);
      if (spec.type === 'ImportDefaultSpecifier') imports.set(local, { module, imported: 'default', typeOnly, fromImport: true });
      else if (spec.type === 'ImportNamespaceSpecifier') imports.set(local, { module, imported: '*', typeOnly, fromImport: true });
      else imports.set(local, { module, imported: String((spec as any).imported.name ?? (spec as any).imported.value), typeOnly, fromImport: true });
    }
  });
  // The root collection holds the File (its program is one step down): no search needed.
  const top = root.get().node;
  const body = (top.type === 'File' ? top.program : top.type === 'Program' ? top : root.find(j.Program).get().node).body as any[];
  // `import X = require('m')` (CommonJS TypeScript, the form verbatimModuleSyntax asks for).
  for (const statement of body) {
    if (statement.type !== 'TSImportEqualsDeclaration' || typeof statement.id?.name !== 'string') continue;
    const reference = statement.moduleReference;
    if (reference?.type !== 'TSExternalModuleReference' || imports.has(statement.id.name)) continue;
    imports.set(statement.id.name, { module: String(reference.expression.value), imported: '*', typeOnly: statement.importKind === 'type', fromImport: true, requireEquals: true });
  }
  let requires: Map<string, BindingSource> | undefined;
  // The requires are only needed when a name is not imported: a TypeScript file rarely needs them.
  const requireBindings = () => {
    if (requires) return requires;
    requires = new Map();
    const found = requires;
    const helpers = localInteropHelpers(j, root);
    // Declarators of the program's own `var`/`let`/`const` statements, in order (not exported ones, not nested ones).
    for (const statement of body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations as any[]) {
        const init = declarator.init;
        const id = declarator.id;
        const wrapped = interopRequire(init, helpers);
        if (wrapped && id.type === 'Identifier') {
          const extraArgs = wrapped.extraArgs.map((arg: any) => j(arg).toSource());
          found.set(id.name, { module: wrapped.require.arguments[0].value, imported: '*', typeOnly: false, interop: { callee: wrapped.callee, extraArgs } });
        } else if (isRequireCall(init)) {
          const module = init.arguments[0].value;
          if (id.type === 'Identifier') found.set(id.name, { module, imported: '*', typeOnly: false });
          if (id.type === 'ObjectPattern') {
            for (const prop of id.properties) {
              const name = (prop.value ?? prop.key)?.name;
              if (typeof name === 'string') found.set(name, { module, imported: prop.key.name, typeOnly: false });
            }
          }
        } else if (init?.type === 'MemberExpression' && isRequireCall(init.object) && !init.computed && id.type === 'Identifier') {
          found.set(id.name, { module: init.object.arguments[0].value, imported: init.property.name, typeOnly: false });
        }
      }
    }
    return found;
  };
  return (local) => imports.get(local) ?? requireBindings().get(local);
}

const isRelative = (spec: string) => spec.startsWith('.') || spec.startsWith('/');
const quote = stringLiteral;
const member = (name: string) => memberText('', name);

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
export function lazyReferenceText(source: BindingSource, format: LazyLoadFormat, typescript: boolean): string {
  const spec = quote(source.module);
  if (format === 'esm') {
    const loaded = `(await import(${spec}))`;
    return source.imported === '*' ? loaded : `${loaded}${member(source.imported)}`;
  }
  if (source.interop) return interopText(source, spec);
  const required = typescript ? `(require(${spec}) as typeof import(${spec}))` : `require(${spec})`;
  if (source.imported === '*') return required;
  // An expression has nowhere to bind the module: loaders ({@link loaderText}) bind it once instead.
  if (source.imported === 'default' && (!isRelative(source.module) || source.esModuleDefault)) return defaultInterop(`require(${spec})`, spec, format, typescript);
  return `${required}${member(source.imported)}`;
}

/** `__toESM(require('m'), 1)`: the require in its original interop wrapper. */
export function interopText(source: BindingSource, spec: string): string {
  const { callee, extraArgs } = source.interop!;
  return `${callee}(${[`require(${spec})`, ...extraArgs].join(', ')})`;
}

/**
 * Source text of a loader function for `source`, memoised through the manifest's `once`
 * ({@link onceHelperText}): `once(() => require(...))` or `once(() => import(...).then(...))`.
 * ES5 output spells the function out: `once(function () { return require(...); })`.
 */
export function loaderText(source: BindingSource, format: LazyLoadFormat, typescript: boolean, syntax: LoaderSyntax = 'es2015'): string {
  const spec = quote(source.module);
  if (format !== 'esm' && !source.interop && source.imported === 'default' && (!isRelative(source.module) || source.esModuleDefault)) {
    // The interop reads the module up to three times: bind it once, so the load calls `require` once.
    const declare = syntax === 'es5' ? 'var' : 'const';
    const body = `${declare} loaded = require(${spec}); return ${defaultInterop('loaded', spec, format, typescript)};`;
    return `${ONCE}(${syntax === 'es5' ? `function () { ${body} }` : `() => { ${body} }`})`;
  }
  let load: string;
  if (format === 'esm') {
    load = source.imported === '*' ? `import(${spec})` : `import(${spec}).then(${syntax === 'es5' ? 'function (m) { return m' : '(m) => m'}${member(source.imported)}${syntax === 'es5' ? '; }' : ''})`;
  } else {
    load = lazyReferenceText(source, format, typescript);
  }
  return `${ONCE}(${syntax === 'es5' ? `function () { return ${load}; }` : `() => ${load}`})`;
}

/**
 * The default export of the module `loaded` evaluates to, through the interop tsc emits (and,
 * under esm-require, the `Module` tag of an ES module's namespace). `typeof import('m').default`
 * does not exist for a package typed with `export =`: the type follows the same interop as the
 * value (the default when the types have one).
 */
function defaultInterop(loaded: string, spec: string, format: LazyLoadFormat, typescript: boolean): string {
  const esModule = format === 'esm-require' ? `(${loaded}.__esModule || ${loaded}[Symbol.toStringTag] === 'Module')` : `${loaded}.__esModule`;
  const interop = `(${esModule} ? ${loaded}.default : ${loaded})`;
  return typescript ? `(${interop} as typeof import(${spec}) extends { default: infer D } ? D : typeof import(${spec}))` : interop;
}

/**
 * Syntax a generated loader may use. `es5`: only `var` and `function` (the file is written in
 * ES5, so its engines may not parse more); `es2015`: `const`, `let`, arrow functions. Loaders
 * never use later syntax (`??=`), so they parse wherever the file's own code does.
 */
export type LoaderSyntax = 'es5' | 'es2015';

/** The syntax a loader in this file may use: `es5` for JavaScript with no `let`, `const`, arrow, class, template, import or export. */
export function fileLoaderSyntax(j: JSCodeshift, root: Collection, typescript: boolean): LoaderSyntax {
  if (typescript) return 'es2015';
  const modern =
    root.find(j.VariableDeclaration).some((p) => p.node.kind !== 'var') ||
    root.find(j.ArrowFunctionExpression).size() > 0 ||
    root.find(j.ClassDeclaration).size() > 0 ||
    root.find(j.ClassExpression).size() > 0 ||
    root.find(j.TemplateLiteral).size() > 0 ||
    root.find(j.ImportDeclaration).size() > 0 ||
    root.find(j.ExportNamedDeclaration).size() > 0 ||
    root.find(j.ExportDefaultDeclaration).size() > 0;
  return modern ? 'es2015' : 'es5';
}

/**
 * The syntax loaders may use in a file: its own ({@link fileLoaderSyntax}), capped by the
 * project's level (`syntaxLevel`, an ECMAScript edition) for JavaScript, which runs as written.
 */
export function loaderSyntaxFor(j: JSCodeshift, root: Collection, typescript: boolean, syntaxLevel = Infinity): LoaderSyntax {
  return syntaxLevel < 2015 && !typescript ? 'es5' : fileLoaderSyntax(j, root, typescript);
}

const ONCE = 'once';

/**
 * The `once` helper a manifest's loaders go through: the first call loads, later calls return
 * the same value without `require()`'s lookup (a getter over the manifest runs on every read,
 * often in a hot path). A separate flag memoises any value, `undefined` and falsy ones included;
 * a load that throws is tried again on the next call, as `require` would.
 */
export function onceHelperText(typescript: boolean, syntax: LoaderSyntax): string[] {
  if (syntax === 'es5') {
    return [
      `function ${ONCE}(load) {`,
      `  var loaded = false;`,
      `  var value;`,
      `  return function () {`,
      `    if (!loaded) {`,
      `      value = load();`,
      `      loaded = true;`,
      `    }`,
      `    return value;`,
      `  };`,
      `}`,
    ];
  }
  const t = (text: string) => (typescript ? text : '');
  return [
    `function ${ONCE}${t('<T>')}(load${t(': () => T')})${t(': () => T')} {`,
    `  let loaded = false;`,
    `  let value${t(': T | undefined')};`,
    `  return () => {`,
    `    if (!loaded) {`,
    `      value = load();`,
    `      loaded = true;`,
    `    }`,
    `    return value${t(' as T')};`,
    `  };`,
    `}`,
  ];
}

/**
 * A memoised module-level loader: one declaration of the stored value (`cache`) and the loader,
 * whose first call evaluates `load` (the `require` expression) and whose later calls return what
 * it stored, so a loader called in a hot function costs a comparison, not a `require()`. A module
 * whose value is `undefined` is simply required again (the same value). `returnType`
 * (TypeScript) types the loader's result. One statement, so it splices in like the import it
 * replaces (even inside a minified line).
 */
export function memoisedLoaderText(name: string, cache: string, load: string, syntax: LoaderSyntax, returnType?: string): string {
  const memo = `${cache} === undefined ? (${cache} = ${load}) : ${cache}`;
  if (syntax === 'es5') return `var ${cache}, ${name} = function () { return ${memo}; };`;
  const typed = returnType !== undefined;
  return `let ${cache}${typed ? `: ${returnType} | undefined` : ''}, ${name} = ()${typed ? `: ${returnType}` : ''} => (${memo});`;
}

/**
 * {@link memoisedLoaderText} for the default export of a package: `require` runs once, and the
 * module it returns goes through the `__esModule` interop tsc emits (a CommonJS package may
 * have no `default`):
 *
 *     let loadedOpenAI: typeof OpenAI | undefined, loadOpenAI = (): typeof OpenAI => {
 *       if (loadedOpenAI !== undefined) return loadedOpenAI;
 *       const loaded = require('openai');
 *       return (loadedOpenAI = loaded.__esModule ? loaded.default : loaded);
 *     };
 *
 * The early return narrows the cache to the loader's type, so no cast is needed.
 */
export function memoisedDefaultLoaderText(name: string, cache: string, spec: string, syntax: LoaderSyntax, returnType?: string): string {
  const lines = (declare: string) => [
    `  if (${cache} !== undefined) return ${cache};`,
    `  ${declare} loaded = require(${spec});`,
    `  return (${cache} = loaded.__esModule ? loaded.default : loaded);`,
  ];
  if (syntax === 'es5') return [`var ${cache}, ${name} = function () {`, ...lines('var'), `};`].join('\n');
  const typed = returnType !== undefined;
  return [`let ${cache}${typed ? `: ${returnType} | undefined` : ''}, ${name} = ()${typed ? `: ${returnType}` : ''} => {`, ...lines('const'), `};`].join('\n');
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
