// Moves a top-level import whose value is only read inside function bodies into those
// bodies: a module-level `require` loader for CommonJS output, `await import()` for native ESM
// (only when every use sits in an async function). Type-only uses keep an `import type`.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isRequireCall, isRequireLike, isTypePosition, localInteropHelpers, pruneUnusedImports, shadowed } from './binding-uses.js';
import { unusedName } from './unused-name.js';
import { emittedLoaders, isSameLoader, LOADER_COMMENT } from './emitted-loaders.js';
import { findBindingSource, loaderSyntaxFor, interopText, lazyReferenceText, memoisedDefaultLoaderText, memoisedLoaderText, parseExpression, type BindingSource, type LoaderSyntax, type LazyLoadFormat } from './lazy-reference.js';

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
/** Deferrable (with the uses), or not, with why and the 1-based line of the use that prevents it. */
export type DeferCheck = { ok: true; uses: ASTPath<any>[] } | { ok: false; reason: string; line?: number };

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
    // A function's own `const modelRef = ...` shadows the import there: its reads are not uses,
    // and binding the import at that function's top would declare the name twice.
    if (shadowed(path, local)) return;
    uses.push(path);
  });
  return uses;
}

/** Checks that every value use of `local` runs inside a function (async ones for ESM). */
export function checkDeferrable(j: JSCodeshift, root: Collection, local: string, format: LazyLoadFormat): DeferCheck {
  const uses = valueReferences(j, root, local);
  for (const use of uses) {
    const fn = enclosingFunction(use);
    const at: number | undefined = use.node.loc?.start.line;
    const line = at ?? '?';
    const where = at === undefined ? {} : { line: at };
    if (!fn) return { ok: false, reason: `${local} is used at module level (line ${line})`, ...where };
    if (use.parent.node.type === 'ExportSpecifier') return { ok: false, reason: `${local} is re-exported (line ${line})`, ...where };
    if (format === 'esm' && !fn.node.async) {
      return { ok: false, reason: `${local} is used in a synchronous function (line ${line}); it would have to become async to use import()`, ...where };
    }
  }
  return { ok: true, uses };
}

/** `openai` -> `OpenAI`-ish: the last path segment of a package, in PascalCase. */
function pascalModuleName(module: string): string {
  const segment = module.split('/').filter((part) => part && part !== '.' && part !== '..').pop() ?? 'module';
  const words = segment.replace(/\.[mc]?[jt]sx?$/, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_$]/.test(name) ? name : `M${name}`;
}

/**
 * The module-level loader for `source` (CommonJS output): reuses one this transform already
 * emitted for the same module and shape, else inserts it after the file's imports. Default
 * imports of packages get the `__esModule` interop tsc would apply, once, inside the loader.
 * Returns the loader's name and whether it returns the module (so a named binding reads `loadX().name`).
 */
function ensureCommonJsLoader(j: JSCodeshift, root: Collection, source: BindingSource, local: string, typescript: boolean, syntax: LoaderSyntax): { name: string; returnsModule: boolean } {
  const spec = `'${source.module.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const returnsModule = source.imported !== 'default';
  // Named imports share one loader per module (`loadZod().z`); a default or whole-module binding is named after itself.
  const base = source.imported === '*' || source.imported === 'default' ? `load${local.charAt(0).toUpperCase()}${local.slice(1)}` : `load${pascalModuleName(source.module)}`;
  const loaderType = typescript ? loaderReturnType(source, local, spec) : undefined;
  const body = (name: string, cache: string) => {
    // Bundler output (`var x = __toESM(require('m'), 1)`): the loader keeps the interop wrapper.
    if (source.interop) return memoisedLoaderText(name, cache, interopText(source, spec), syntax);
    if (returnsModule) return memoisedLoaderText(name, cache, `require(${spec})`, syntax, loaderType);
    if (source.module.startsWith('.')) return memoisedLoaderText(name, cache, `require(${spec}).default`, syntax, loaderType);
    return memoisedDefaultLoaderText(name, cache, spec, syntax, loaderType);
  };
  const program = root.find(j.Program).get();
  const topLevel = program.node.body as any[];
  // Already emitted (another binding of the same module, under any name, by this run or an
  // earlier one, however the project's formatter and linter reshaped it since): reuse it.
  const existing = emittedLoaders(topLevel).find((loader) => loader.name && isSameLoader(j, loader, body(loader.name, loader.cache!)));
  if (existing) return { name: existing.name!, returnsModule };
  // A loader's names avoid every name declared or referenced anywhere in the file.
  const name = unusedName(j, root, base);
  const cache = unusedName(j, root, `loaded${name.slice('load'.length)}`);
  const statements = j(`${LOADER_COMMENT}\n${body(name, cache)}`).get().node.program.body;
  // Parsed from another string: its positions would make recast splice it in as if it were original text.
  for (const statement of statements) statement.loc = null;
  const helpers = localInteropHelpers(j, root);
  const loaders = new Set(emittedLoaders(topLevel).flatMap((loader) => loader.statements));
  let at = 0;
  topLevel.forEach((statement, index) => {
    if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration' || isTopLevelRequire(statement, helpers) || loaders.has(statement)) at = index + 1;
  });
  // In a bundle, requires sit between code (`var import_x = __toESM(require('x'))` before the
  // class that uses it): after the last require would be too late for code that runs before
  // it, so the loader takes the place of the binding it replaces.
  const interleaved = topLevel.slice(0, at).some((statement) => !isPreamble(statement, helpers, loaders));
  if (interleaved) {
    const own = topLevel.findIndex((statement) => statement.type === 'VariableDeclaration' && statement.declarations.some((d: any) => d.id?.type === 'Identifier' && d.id.name === local));
    if (own >= 0) at = own;
  }
  topLevel.splice(at, 0, ...statements);
  return { name, returnsModule };
}

/**
 * The loader's return type, taken from the binding it replaces, so it is what the import gave
 * under the project's own interop settings: a default or namespace import keeps an
 * `import type` of the same name (`(): typeof OpenAI`): `typeof import('m').default` does not
 * exist for a package typed with `export =`. Named imports share a loader that returns the
 * module (`typeof import('m')`). A `require()` binding was untyped (`any`) and stays so: a
 * type it never had could only add errors.
 */
function loaderReturnType(source: BindingSource, local: string, spec: string): string | undefined {
  if (!source.fromImport) return undefined;
  if (source.imported === 'default' || source.imported === '*') return `typeof ${local}`;
  return `typeof import(${spec})`;
}

/** Imports, requires, loaders, directives and helper functions: what may precede a file's code. */
function isPreamble(statement: any, helpers: ReadonlySet<string>, loaders: ReadonlySet<any>): boolean {
  return (
    statement.type === 'ImportDeclaration' ||
    statement.type === 'TSImportEqualsDeclaration' ||
    isTopLevelRequire(statement, helpers) ||
    loaders.has(statement) ||
    (statement.type === 'ExpressionStatement' && (statement.directive || statement.expression?.type === 'StringLiteral'))
  );
}

function isTopLevelRequire(statement: any, helpers: ReadonlySet<string>): boolean {
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.every((d: any) => isRequireLike(d.init, helpers) || (d.init?.type === 'MemberExpression' && isRequireCall(d.init.object)));
}

/** True for a block statement written over more than one line. */
function spansLines(node: any): boolean {
  return node?.type === 'BlockStatement' && !!node.loc && node.loc.start.line !== node.loc.end.line;
}

/** Statements of the block around a function's code, turning `() => expr` into `() => { return expr; }`. */
function functionBlock(j: JSCodeshift, fn: ASTPath<any>): any[] | undefined {
  const node = fn.node;
  if (node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty' || node.type === 'TSDeclareMethod') return undefined;
  const target = node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' ? node : node;
  if (!target.body) return undefined;
  if (target.body.type !== 'BlockStatement') target.body = j.blockStatement([j.returnStatement(target.body)]);
  return target.body.body;
}

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** True when `use` sits in a loop's body between it and its function `fn`. */
function insideLoop(use: ASTPath<any>, fn: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = use.parent; p && p.node !== fn.node; p = p.parent) if (LOOP_TYPES.has(p.node.type)) return true;
  return false;
}

/**
 * Inserts the binding `text` (`const { X } = await import('m');`) at the top of a function
 * body, after a leading `super(...)` call and after the bindings inserted before it. A second
 * name from the same module joins the first one's pattern: `const { X, Y } = await import('m')`.
 */
function bindAtTop(j: JSCodeshift, body: any[], text: string): void {
  const statement = j(text).get().node.program.body[0];
  // Parsed from another string: its positions would make recast splice it as original text.
  statement.loc = null;
  const declarator = statement.declarations[0];
  const initText = j(declarator.init).toSource();
  const first = body[0];
  let at = first?.type === 'ExpressionStatement' && first.expression.type === 'CallExpression' && first.expression.callee.type === 'Super' ? 1 : 0;
  for (; at < body.length && isGeneratedBinding(body[at]); at++) {
    const existing = body[at].declarations[0];
    if (declarator.id.type === 'ObjectPattern' && existing.id.type === 'ObjectPattern' && j(existing.init).toSource() === initText) {
      // Re-parsed as one line: recast would lay out a pattern that grew one name per line.
      const names = [...existing.id.properties, ...declarator.id.properties].map((p: any) => j(p).toSource()).join(', ');
      const merged = j(`const { ${names} } = ${initText};`).get().node.program.body[0];
      merged.loc = null;
      generatedBindings.add(merged);
      body[at] = merged;
      return;
    }
  }
  generatedBindings.add(statement);
  body.splice(at, 0, statement);
}

const generatedBindings = new WeakSet<object>();

/** True for a binding {@link bindAtTop} inserted (tracked by node, so the user's own code never merges). */
function isGeneratedBinding(statement: any): boolean {
  return generatedBindings.has(statement);
}

/**
 * Defers `local`'s import into its uses. Returns undefined when done, or why not (nothing
 * changes then). A binding with no value use left becomes `import type` or goes away.
 * CommonJS output reads it through one module-level loader (`loadOpenAI()`); native ESM
 * through `await import()`. Each function that uses it binds it once, at its top
 * (`const { OpenAI } = await import('openai')`), and its uses keep their names. A caller that
 * just looked `local` up in the tree as it is passes what it found (`found`).
 */
export function deferBinding(j: JSCodeshift, root: Collection, local: string, format: LazyLoadFormat, typescript: boolean, syntaxLevel = Infinity, found?: BindingSource): string | undefined {
  // `found`: the caller's own lookup of `local` in this tree as it is now (no second walk).
  const source = found ?? findBindingSource(j, root, local);
  if (!source) return `${local} is not bound by a top-level import or require`;
  if (source.typeOnly) return undefined;
  // Only CommonJS output can have it (ES modules reject the form), and `import()` of an
  // `export =` module would give its namespace, not the value `require` gives.
  if (source.requireEquals && format === 'esm') return `${local} is bound by \`import ${local} = require()\`, which only CommonJS output loads; lazify defers it with a require loader there`;
  const check = checkDeferrable(j, root, local, format);
  if (!check.ok) return check.reason;
  if (check.uses.length === 0) {
    pruneUnusedImports(j, root, [local], typescript);
    return undefined;
  }
  // Uses grouped by the function they run in: repeated uses in one function bind once.
  const byFunction = new Map<any, { fn: ASTPath<any>; uses: ASTPath<any>[] }>();
  for (const use of check.uses) {
    const fn = enclosingFunction(use)!;
    const group = byFunction.get(fn.node) ?? { fn, uses: [] };
    group.uses.push(use);
    byFunction.set(fn.node, group);
  }
  let text: string;
  let binding: (name: string) => string;
  if (format === 'esm') {
    text = lazyReferenceText(source, format, typescript);
    const spec = `'${source.module.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    binding = (name) =>
      source.imported === '*' ? `const ${name} = await import(${spec});` : `const { ${source.imported === name ? name : `${/^[A-Za-z_$][\w$]*$/.test(source.imported) ? source.imported : spec}: ${name}`} } = await import(${spec});`;
  } else {
    // The file's own syntax, capped by the project's level (an ES5 package gets `var` loaders).
    const syntax = loaderSyntaxFor(j, root, typescript, syntaxLevel);
    const loader = ensureCommonJsLoader(j, root, source, local, typescript, syntax);
    text = loader.returnsModule && source.imported !== '*' ? `${loader.name}()${/^[A-Za-z_$][\w$]*$/.test(source.imported) ? `.${source.imported}` : `['${source.imported}']`}` : `${loader.name}()`;
    binding = (name) =>
      syntax === 'es5'
        ? `var ${name} = ${text};`
        : loader.returnsModule && source.imported !== '*'
          ? `const { ${source.imported === name ? name : `${source.imported}: ${name}`} } = ${loader.name}();`
          : `const ${name} = ${loader.name}();`;
  }
  const localScopes = new Set<unknown>();
  for (const { fn, uses } of byFunction.values()) {
    // A factory that picks a provider by `switch (name)` or `if (name === 'x')` loads only the
    // provider of the branch taken: each branch that uses the binding loads it itself (inline:
    // the loader is memoised), bound once at the branch's top only when a use sits in a loop.
    const branches = selectionBranches(uses, fn);
    if (branches) {
      for (const { branch, uses: branchUses } of branches) {
        if (branchUses.some((use) => insideLoop(use, fn))) {
          const block = branchBlock(j, branch);
          localScopes.add(block.node);
          bindAtTop(j, block.body, binding(local));
        } else {
          replaceInline(j, branchUses, text, local);
        }
      }
      continue;
    }
    // Bound once at the top when used more than once or inside a loop (never a load per use or
    // per iteration); a single use in a one-line body (`() => client.x()`, minified code) stays
    // inline: a block there would rewrite more than it changes.
    const body = uses.length > 1 || uses.some((use) => insideLoop(use, fn)) || spansLines(fn.node.body) ? functionBlock(j, fn) : undefined;
    if (body) {
      localScopes.add(fn.node);
      // The local name now refers to the function's own binding; type uses still see the `import type`.
      bindAtTop(j, body, binding(local));
      continue;
    }
    replaceInline(j, uses, text, local);
  }
  pruneUnusedImports(j, root, [local], typescript, localScopes);
  return undefined;
}

/** Replaces each use of `local` by the lazy reference `text` (`loadX().Y`, `(await import('m')).Y`). */
function replaceInline(j: JSCodeshift, uses: ASTPath<any>[], text: string, local: string): void {
  for (const use of uses) {
    const replacement = parseExpression(j, text);
    const parent = use.parent.node;
    // `new loadX().Y()` would construct the loader's result; `{ X }` shorthand needs its key kept.
    if ((parent.type === 'NewExpression' && parent.callee === use.node) || replacement.type === 'AwaitExpression' || (parent.type === 'MemberExpression' && parent.object === use.node && replacement.type !== 'MemberExpression' && replacement.type !== 'CallExpression')) {
      replacement.extra = { ...(replacement.extra ?? {}), parenthesized: true };
    }
    if (parent.type === 'ObjectProperty' && parent.shorthand && parent.value === use.node) {
      parent.shorthand = false;
      parent.key = j.identifier(local);
    }
    use.replace(replacement);
  }
}

/** A branch of a selection: a `case` clause, or the statement an `if` runs when its string test holds (or its `else`). */
type SelectionBranch = { kind: 'case'; node: any } | { kind: 'if'; parent: any; field: 'consequent' | 'alternate' };

/** `x === 'openai'`, `'openai' == x`: the test of an if-chain that picks by name. */
function isStringComparison(test: any): boolean {
  if (test?.type !== 'BinaryExpression' || !['===', '=='].includes(test.operator)) return false;
  const literal = (node: any) => node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
  return literal(test.left) || literal(test.right);
}

/** The selection branch nearest to `use` below `fn`, if any. */
function selectionBranchOf(use: ASTPath<any>, fn: ASTPath<any>): SelectionBranch | undefined {
  for (let p: ASTPath<any> | null = use; p && p.parent && p.node !== fn.node; p = p.parent) {
    const parent = p.parent.node;
    if (parent.type === 'SwitchCase' && parent.test && parent.consequent.includes(p.node)) return { kind: 'case', node: parent };
    if (parent.type === 'IfStatement' && p.node !== parent.test && isStringComparison(parent.test)) {
      const field = parent.consequent === p.node ? 'consequent' : 'alternate';
      // `else if (...)`: that `if`'s own branches hold what follows.
      if (field === 'alternate' && p.node.type === 'IfStatement') continue;
      return { kind: 'if', parent, field };
    }
  }
  return undefined;
}

/**
 * `uses` grouped by the selection branch each sits in (a `case` clause, a branch of a
 * string-comparing `if`); undefined when any use runs outside every such branch, since the
 * function then needs the module whichever way it goes.
 */
function selectionBranches(uses: ASTPath<any>[], fn: ASTPath<any>): Array<{ branch: SelectionBranch; uses: ASTPath<any>[] }> | undefined {
  const groups = new Map<any, { branch: SelectionBranch; uses: ASTPath<any>[] }>();
  for (const use of uses) {
    const branch = selectionBranchOf(use, fn);
    if (!branch) return undefined;
    const key = branch.kind === 'case' ? branch.node : branch.parent[branch.field];
    const group = groups.get(key) ?? { branch, uses: [] };
    group.uses.push(use);
    groups.set(key, group);
  }
  return groups.size > 0 ? [...groups.values()] : undefined;
}

/** The block of a branch's statements, made one when the branch is a bare statement or a case's list. */
function branchBlock(j: JSCodeshift, branch: SelectionBranch): { node: any; body: any[] } {
  if (branch.kind === 'case') {
    const consequent = branch.node.consequent as any[];
    if (consequent.length === 1 && consequent[0].type === 'BlockStatement') return { node: consequent[0], body: consequent[0].body };
    const block = j.blockStatement(consequent);
    branch.node.consequent = [block];
    return { node: block, body: block.body };
  }
  const statement = branch.parent[branch.field];
  if (statement.type === 'BlockStatement') return { node: statement, body: statement.body };
  const block = j.blockStatement([statement]);
  branch.parent[branch.field] = block;
  return { node: block, body: block.body };
}
