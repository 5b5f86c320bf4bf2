// Gives a Map-backed registry (`register(name, value)` storing into `store.set(name, value)`)
// a loader-registering twin: `registerLoader(name, load)` keeps `name` listed in order, and
// the first `store.get(name)` loads it through the original register function, so its
// checks still run. `has`, `keys` and the unknown-name error never load a provider.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { enclosingFunction } from '../shared-lazy-loading/defer-binding.js';
import { loaderFunctionName } from './rewrite-registry-file.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What was found in the registry module; `problem` says why it cannot get loaders. */
interface RegisterFunctionShape {
  fn: ASTPath<any>;
  /** Top-level statement holding the function (the export declaration when exported). */
  statement: ASTPath<any>;
  exported: boolean;
  nameParam: string;
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
  let store: string | undefined;
  j(fn.node.body)
    .find(j.CallExpression, { callee: { type: 'MemberExpression', property: { name: 'set' } } })
    .forEach((p) => {
      const callee = p.node.callee as any;
      const key = p.node.arguments[0] as any;
      if (callee.object.type === 'Identifier' && key?.type === 'Identifier' && key.name === param.name) store = callee.object.name;
    });
  if (!store) return `${name} does not store into a Map with store.set(${param.name}, ...)`;
  const storeName = store;
  const declarations = root.find(j.VariableDeclarator, { id: { name: storeName } }).filter((p) => {
    const init = p.node.init as any;
    return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Map';
  });
  if (declarations.size() !== 1) return `${storeName} is not a top-level new Map()`;
  let storeStatement: ASTPath<any> = declarations.paths()[0].parent;
  if (storeStatement.parent.node.type === 'ExportNamedDeclaration') storeStatement = storeStatement.parent;
  if (storeStatement.parent.node.type !== 'Program') return `${storeName} is not declared at top level`;
  return { fn, statement, exported: statement !== fn, nameParam: param.name, store: storeName, storeStatement };
}

/** Adds loader support to the registry module; returns a problem message, or undefined when done (or already done). */
export function addRegistryLoaders(j: JSCodeshift, root: Collection, registerFunction: string, typescript: boolean, esm = false): string | undefined {
  const loaderName = loaderFunctionName(registerFunction);
  if (root.find(j.FunctionDeclaration, { id: { name: loaderName } }).size() > 0) return undefined; // already converted
  const shape = findRegisterFunction(j, root, registerFunction);
  if (typeof shape === 'string') return shape;
  const { store } = shape;
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

  const declareLoaders = j(
    `// lazify: names registered with ${loaderName} stay unloaded until first looked up.\nconst ${loaders} = new Map${t(`<string, ${loaderType}>`)}();`,
  ).get().node.program.body[0];
  shape.storeStatement.insertAfter(declareLoaders);

  // Registering a value directly replaces a pending loader for the same name.
  shape.fn.node.body.body.unshift(j(`${loaders}.delete(${shape.nameParam});`).get().node.program.body[0]);

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
      `  const load = ${loaders}.get(name);`,
      `  if (load) {`,
      `    const value = ${awaitText}load();`,
      `    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.`,
      `    ${store}.delete(name);`,
      `    ${registerFunction}(name, value);`,
      `  }`,
      `  return ${store}.get(name);`,
      `}`,
      ``,
      `${esm ? 'async ' : ''}function ${loadAll}()${t(esm ? ': Promise<void>' : ': void')} {`,
      `  for (const name of [...${loaders}.keys()]) ${awaitText}${loadOne}(name);`,
      `}`,
    ].join('\n'),
  ).get().node.program.body;
  shape.statement.insertAfter(...helpers);
  if (!shape.exported) exportFromCommonJs(j, root, registerFunction, loaderName);
  return undefined;
}

function isInside(path: ASTPath<any>, node: any): boolean {
  for (let p: ASTPath<any> | null = path; p; p = p.parent) if (p.node === node) return true;
  return false;
}

/** `exports.register = register;` gets a twin `exports.registerLoader = registerLoader;`; `module.exports = { register }` a property. */
function exportFromCommonJs(j: JSCodeshift, root: Collection, registerFunction: string, loaderName: string): void {
  root.find(j.AssignmentExpression).forEach((p) => {
    const left = p.node.left as any;
    const right = p.node.right as any;
    if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'exports' && right.type === 'Identifier' && right.name === registerFunction) {
      const statement = p.parent;
      if (statement.node.type === 'ExpressionStatement') {
        statement.insertAfter(j(`exports.${loaderName} = ${loaderName};`).get().node.program.body[0]);
      }
    }
    if (left.type === 'MemberExpression' && left.object.name === 'module' && left.property.name === 'exports' && right.type === 'ObjectExpression') {
      const has = right.properties.some((prop: any) => prop.key?.name === registerFunction || prop.value?.name === registerFunction);
      if (has) {
        const prop = j.objectProperty(j.identifier(loaderName), j.identifier(loaderName));
        (prop as any).shorthand = true;
        right.properties.push(prop);
      }
    }
  });
}
