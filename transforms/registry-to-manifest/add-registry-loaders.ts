// Gives a Map-backed registry (`register(name, value)` storing into `store.set(name, value)`)
// a loader-registering twin: `registerLoader(name, load)` keeps `name` listed in order, and
// the first `store.get(name)` loads it through the original register function, so its
// checks still run. `has`, `keys` and the unknown-name error never load a provider.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { enclosingFunction } from '../shared-lazy-loading/defer-binding.js';
import type { LoaderSyntax } from '../shared-lazy-loading/lazy-reference.js';
import { loaderFunctionName } from './loader-function-name.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What was found in the registry module; `problem` says why it cannot get loaders. */
interface RegisterFunctionShape {
  fn: ASTPath<any>;
  /** Top-level statement holding the function (the export declaration when exported). */
  statement: ASTPath<any>;
  exported: boolean;
  /** The parameter holding the name (`register(name, value)`), or the key expression of a one-argument function (`language.name`). */
  nameParam: string;
  /** One-argument `register(value)` storing `store.set(value.KEY, value)`: KEY. */
  keyProperty?: string;
  store: string;
  storeStatement: ASTPath<any>;
}

function findRegisterFunction(j: JSCodeshift, root: Collection, name: string): RegisterFunctionShape | string {
  const fns = root.find(j.FunctionDeclaration, { id: { name } }).filter((p) => p.parent.node.type === 'Program' || p.parent.node.type === 'ExportNamedDeclaration');
  if (fns.size() !== 1) return `no top-level function ${name}`;
  const fn = fns.paths()[0];
  const statement = fn.parent.node.type === 'ExportNamedDeclaration' ? fn.parent : fn;
  const param = fn.node.params[0];
  if (param?.type !== 'Identifier') return `${name}'s first parameter is not a plain name`;
  const oneArgument = fn.node.params.length === 1;
  let store: string | undefined;
  let keyProperty: string | undefined;
  j(fn.node.body)
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'set' } } })
    .forEach((p) => {
      const callee = p.node.callee as any;
      const [key, value] = p.node.arguments as any[];
      if (callee.object.type !== 'Identifier') return;
      if (key?.type === 'Identifier' && key.name === param.name) store = callee.object.name;
      // `register(language)` storing `languages.set(language.name, language)`: the key is a property of the value.
      const property = oneArgument ? keyPropertyOf(key, param.name) : undefined;
      if (property && value?.type === 'Identifier' && value.name === param.name) [store, keyProperty] = [callee.object.name, property];
    });
  if (!store) {
    return oneArgument
      ? `${name} takes only the value and does not store it with store.set(${param.name}.<key>, ${param.name}), so the key is only known by loading each module`
      : `${name} does not store into a Map with store.set(${param.name}, ...)`;
  }
  const valueProblem = registeredValueProblem(j, fn, name, store, keyProperty);
  if (valueProblem) return valueProblem;
  const storeName = store;
  const declarations = root.find(j.VariableDeclarator, { id: { name: storeName } }).filter((p) => {
    const init = p.node.init as any;
    return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Map';
  });
  if (declarations.size() !== 1) return `${storeName} is not a top-level new Map()`;
  let storeStatement: ASTPath<any> = declarations.paths()[0].parent;
  if (storeStatement.parent.node.type === 'ExportNamedDeclaration') storeStatement = storeStatement.parent;
  if (storeStatement.parent.node.type !== 'Program') return `${storeName} is not declared at top level`;
  const nameParam = keyProperty ? `${param.name}.${keyProperty}` : param.name;
  return { fn, statement, exported: statement !== fn, nameParam, ...(keyProperty && { keyProperty }), store: storeName, storeStatement };
}

/** `value.KEY` (not computed) on the parameter `value`: KEY. */
function keyPropertyOf(node: any, value: string): string | undefined {
  if ((node?.type !== 'MemberExpression' && node?.type !== 'OptionalMemberExpression') || node.computed) return undefined;
  return node.object.type === 'Identifier' && node.object.name === value && node.property.type === 'Identifier' ? node.property.name : undefined;
}

/**
 * The property a one-argument register function reads the key from (`languages.set(language.name,
 * language)` -> `name`), if it is one. Whether a lazy entry would change what it stores is
 * {@link addRegistryLoaders}'s check: this also reads the function after that rewrite.
 */
export function registerKeyProperty(j: JSCodeshift, root: Collection, name: string): string | undefined {
  const fns = root.find(j.FunctionDeclaration, { id: { name } }).filter((p) => p.parent.node.type === 'Program' || p.parent.node.type === 'ExportNamedDeclaration');
  const param = fns.size() === 1 ? fns.paths()[0]!.node.params : [];
  if (param.length !== 1 || param[0]!.type !== 'Identifier') return undefined;
  const value = param[0]!.name;
  let property: string | undefined;
  j(fns.paths()[0]!.node.body)
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'set' } } })
    .forEach((p) => {
      const [key, stored] = p.node.arguments as any[];
      if (stored?.type === 'Identifier' && stored.name === value) property ??= keyPropertyOf(key, value);
    });
  return property;
}

/**
 * Why a lazy entry would change what `name` stores, if it would: a loader-registered value only
 * reaches the register function at first lookup, so the function may only store it
 * (`store.set(key, value)`) and check it (in an `if` test, a `throw`, `typeof`). Calling it or
 * reading from it at registration (`const l = d(); for (const a of l.aliases) ...`) fills the
 * registry with what those reads give, which lookups see before any load.
 */
function registeredValueProblem(j: JSCodeshift, fn: ASTPath<any>, name: string, store: string, keyProperty?: string): string | undefined {
  const value = keyProperty ? fn.node.params[0] : fn.node.params[1];
  if (value?.type !== 'Identifier') return undefined;
  let problem: string | undefined;
  j(fn.node.body)
    .find(j.Identifier, { name: value.name })
    .forEach((path) => {
      if (problem) return;
      const parent = path.parent.node;
      if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return;
      if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === path.node && !parent.computed && !parent.shorthand) return;
      const line = path.node.loc?.start.line ?? '?';
      if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === path.node) {
        problem = `${name} ${parent.type === 'NewExpression' ? 'constructs' : 'calls'} the registered value (${value.name}) at registration (line ${line}): a lazy entry would change what it stores`;
        return;
      }
      const storesIt = parent.type === 'CallExpression' && parent.callee.type === 'MemberExpression' && parent.callee.object.name === store && parent.callee.property.name === 'set' && parent.arguments[1] === path.node;
      // The key read of `store.set(value.KEY, value)`: the manifest knows the key without loading.
      const grand = path.parent.parent?.node;
      const readsKey = keyProperty !== undefined && keyPropertyOf(parent, value.name) === keyProperty && grand?.type === 'CallExpression' &&
        grand.arguments[0] === parent && grand.callee.type === 'MemberExpression' && grand.callee.object.name === store && grand.callee.property.name === 'set';
      if (storesIt || readsKey || onlyChecks(path, fn.node)) return;
      problem = `${name} reads the registered value (${value.name}) at registration (line ${line}): a lazy entry would change what it stores`;
    });
  return problem;
}

/** True when `path` sits in an `if` test, a conditional's test, a `throw` or under `typeof`: it checks the value, it stores nothing. */
function onlyChecks(path: ASTPath<any>, fn: any): boolean {
  for (let p: ASTPath<any> | null = path; p?.parent && p.node !== fn; p = p.parent) {
    const parent = p.parent.node;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test === p.node) return true;
    if (parent.type === 'ThrowStatement') return true;
    if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') return true;
  }
  return false;
}

/** Adds loader support to the registry module; returns a problem message, or undefined when done (or already done). */
export function addRegistryLoaders(j: JSCodeshift, root: Collection, registerFunction: string, typescript: boolean, esm = false, syntax: LoaderSyntax = 'es2015'): string | undefined {
  const loaderName = loaderFunctionName(registerFunction);
  if (root.find(j.FunctionDeclaration, { id: { name: loaderName } }).size() > 0) return undefined; // already converted
  const shape = findRegisterFunction(j, root, registerFunction);
  if (typeof shape === 'string') return shape;
  const { store } = shape;
  // ES5 files get `var` and `function` only (their Map comes from the engine or a polyfill).
  const es5 = syntax === 'es5' && !typescript && !esm;
  const exportProblem = shape.exported ? undefined : exportLoaderFunction(j, root, registerFunction, loaderName, es5);
  if (exportProblem) return exportProblem;
  const loaders = `${store}Loaders`;
  const loadOne = `load${capitalise(store)}Entry`;
  const loadAll = `loadAll${capitalise(store)}`;
  const valueType = typescript ? `Parameters<typeof ${registerFunction}>[1]` : '';
  const t = (text: string) => (typescript ? text : '');
  // Native ESM loads with import(), so a read of a registered value must be able to await it.
  const awaitText = esm ? 'await ' : '';
  const loaderType = esm ? `() => Promise<${valueType}>` : `() => ${valueType}`;

  // Reads of the store outside the register function see loaded values.
  const reads = root
    .find(j.CallExpression, { callee: { type: 'MemberExpression', object: { name: store } } })
    .filter((p) => !isInside(p, shape.fn.node))
    .filter((p) => ['get', 'values', 'entries', 'forEach'].includes((p.node.callee as any).property.name));
  if (esm) {
    const sync = reads.paths().filter((p) => !enclosingFunction(p)?.node.async);
    if (sync.length > 0) {
      const sites = sync.map((p) => `line ${p.node.loc?.start.line ?? '?'}`).join(', ');
      return `${store} is read in synchronous code (${sites}); those functions would have to become async (and their callers await them) to load providers with import()`;
    }
  }
  reads.forEach((p) => {
    const method = (p.node.callee as any).property.name;
    if (method === 'get' && p.node.arguments.length === 1) {
      const call = j.callExpression(j.identifier(loadOne), p.node.arguments);
      p.replace(esm ? j.awaitExpression(call) : call);
    } else {
      const loadAllCall = j.callExpression(j.identifier(loadAll), []);
      p.replace(j.sequenceExpression([esm ? j.awaitExpression(loadAllCall) : loadAllCall, p.node]));
    }
  });

  const declare = es5 ? 'var' : 'const';
  const declareLoaders = j(
    `// lazify: names registered with ${loaderName} stay unloaded until first looked up.\n${declare} ${loaders} = new Map${t(`<string, ${loaderType}>`)}();`,
  ).get().node.program.body[0];
  shape.storeStatement.insertAfter(declareLoaders);

  // Registering a value directly replaces a pending loader for the same name.
  // (A one-argument function's own checks still see a missing value first.)
  const forget = shape.keyProperty ? `if (${shape.nameParam.split('.')[0]} != null) ${loaders}.delete(${shape.nameParam});` : `${loaders}.delete(${shape.nameParam});`;
  shape.fn.node.body.body.unshift(j(forget).get().node.program.body[0]);

  const helpers = j(
    [
      `/** Registers \`name\` with a loader: it is listed at once and its module loads on first lookup. */`,
      `${shape.exported ? 'export ' : ''}function ${loaderName}(name${t(': string')}, load${t(`: ${loaderType}`)})${t(': void')} {`,
      `  ${loaders}.set(name, load);`,
      `  // A placeholder keeps the name listed (has, keys, size) in registration order without loading it.`,
      `  ${store}.set(name, undefined${t(' as never')});`,
      `}`,
      ``,
      `${esm ? 'async ' : ''}function ${loadOne}(name${t(': string')}) {`,
      `  ${declare} load = ${loaders}.get(name);`,
      `  if (load) {`,
      `    ${declare} value = ${awaitText}load();`,
      `    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.`,
      `    ${store}.delete(name);`,
      `    ${registerFunction}(${shape.keyProperty ? '' : 'name, '}value);`,
      `  }`,
      `  return ${store}.get(name);`,
      `}`,
      ``,
      `${esm ? 'async ' : ''}function ${loadAll}()${t(esm ? ': Promise<void>' : ': void')} {`,
      ...(es5
        ? [`  var names = [];`, `  ${loaders}.forEach(function (load, name) { names.push(name); });`, `  names.forEach(function (name) { ${loadOne}(name); });`]
        : [`  for (const name of [...${loaders}.keys()]) ${awaitText}${loadOne}(name);`]),
      `}`,
    ].join('\n'),
  ).get().node.program.body;
  shape.statement.insertAfter(...helpers);
  return exportProblem;
}

function isInside(path: ASTPath<any>, node: any): boolean {
  for (let p: ASTPath<any> | null = path; p; p = p.parent) if (p.node === node) return true;
  return false;
}

/**
 * Exports `loaderName` wherever `registerFunction` is exported, since the providers' module
 * imports it from there: `exports.register = register` and `module.exports.register = register`
 * get a twin assignment; an object literal of exports (`module.exports = { register }`, or
 * `module.exports = api` with `const api = { register }`) a property; `export { register }` a
 * specifier. Returns the problem when the function leaves the module some other way.
 */
function exportLoaderFunction(j: JSCodeshift, root: Collection, registerFunction: string, loaderName: string, es5 = false): string | undefined {
  const edits: (() => void)[] = [];
  const literals = new Map<string, any>();
  root.find(j.VariableDeclarator).forEach((p) => {
    const id = p.node.id as any;
    if (id.type === 'Identifier' && p.node.init?.type === 'ObjectExpression' && p.parent?.parent?.node.type === 'Program') literals.set(id.name, p.node.init);
  });
  const shorthand = () => {
    const prop = j.objectProperty(j.identifier(loaderName), j.identifier(loaderName));
    // `{ registerLoader }` is ES2015; ES5 spells the property out.
    (prop as any).shorthand = !es5;
    return prop;
  };
  const isModuleExports = (node: any) => node?.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && !node.computed && node.property.name === 'exports';
  const holdsFunction = (object: any) => object.properties.some((prop: any) => prop.value?.type === 'Identifier' && prop.value.name === registerFunction);
  let unhandled: string | undefined;
  root.find(j.Identifier, { name: registerFunction }).forEach((p) => {
    const parent = p.parent.node;
    const line = p.node.loc?.start.line ?? '?';
    if (parent.type === 'FunctionDeclaration' || (parent.type === 'CallExpression' && parent.callee === p.node)) return;
    if ((parent.type === 'MemberExpression' && parent.property === p.node && !parent.computed) || (parent.type === 'ObjectProperty' && parent.key === p.node && parent.value !== p.node)) return;
    if (parent.type === 'AssignmentExpression' && parent.right === p.node) {
      const left = parent.left as any;
      const onExports = left.type === 'MemberExpression' && ((left.object.type === 'Identifier' && left.object.name === 'exports') || isModuleExports(left.object));
      if (onExports && p.parent.parent.node.type === 'ExpressionStatement') {
        const statement = p.parent.parent;
        const target = j(left.object).toSource();
        edits.push(() => statement.insertAfter(j(`${target}.${loaderName} = ${loaderName};`).get().node.program.body[0]));
        return;
      }
    }
    if (parent.type === 'ObjectProperty' && parent.value === p.node) {
      const object = p.parent.parent.node;
      const owner = p.parent.parent.parent.node;
      const exported =
        (owner.type === 'AssignmentExpression' && isModuleExports(owner.left)) ||
        (owner.type === 'VariableDeclarator' && owner.id.type === 'Identifier' && literals.get(owner.id.name) === object);
      if (exported) {
        if (!object.properties.some((prop: any) => prop.key?.name === loaderName)) edits.push(() => object.properties.push(shorthand()));
        return;
      }
    }
    if (parent.type === 'ExportSpecifier') {
      const declaration = p.parent.parent.node;
      if (!declaration.specifiers.some((spec: any) => spec.local?.name === loaderName)) edits.push(() => declaration.specifiers.push(j.exportSpecifier.from({ local: j.identifier(loaderName), exported: j.identifier(loaderName) })));
      return;
    }
    unhandled ??= `${registerFunction} leaves its module through \`${j(p.parent).toSource().split('\n')[0]}\` (line ${line}), where ${loaderName} cannot be added beside it`;
  });
  // module.exports = api, with api an object literal declared above: the literal is the export.
  root.find(j.AssignmentExpression).forEach((p) => {
    if (!isModuleExports(p.node.left) || p.node.right.type !== 'Identifier') return;
    const object = literals.get(p.node.right.name);
    if (object && holdsFunction(object) && !edits.length) edits.push(() => object.properties.push(shorthand()));
  });
  if (unhandled) return unhandled;
  for (const edit of edits) edit();
  return undefined;
}
