// Babel's CommonJS `export * from './add.js'` is a loop over the module at import:
// `var _index = require("./add.js"); Object.keys(_index).forEach(function (key) { ...
// Object.defineProperty(exports, key, { enumerable: true, get: function () { return _index[key]; } }); })`.
// The getters it defines are lazy already; only the require is not, and the loop needs the
// module to know its names. The names are what Node reads in the module for ES module importers
// (cjs-module-lexer, as src/facts/star-exports.ts reads them for the finding), so the loop becomes
// the export getters Babel writes for a named re-export, one per name, which Node reads too:
// `Object.defineProperty(exports, "add", { enumerable: true, get: function () { return _index.add; } })`.
// requireInGetters then moves the require into the getters, as for any export getter.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { isRequireCall } from '../shared-lazy-loading/binding-uses.js';
import { cjsExportsOf } from '../shared-lazy-loading/esm-export-names.js';
import { resolveRelativeModule } from '../shared-lazy-loading/resolve-relative-module.js';

/**
 * Babel's guards before each name (`if (...) return;`), with the callback's parameter written
 * `key` and the module's local `L`, in double quotes and with a space only between two words;
 * the facts accept the same
 * (src/facts/detect-registries.ts, babelExportStar).
 */
const STAR_GUARDS = new Set(['key==="default"||key==="__esModule"', 'key in exports&&exports[key]===L[key]', 'Object.prototype.hasOwnProperty.call(_exportNames,key)']);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `Object.keys(L).forEach(...)` as Babel writes an `export *` -> `L`. */
function starLocal(j: JSCodeshift, path: ASTPath<any>): string | undefined {
  const flat = j(path)
    .toSource()
    .replace(/\s+/g, ' ')
    .replace(/ (?![\w$])|(?<![\w$]) /g, '')
    .replace(/'/g, '"');
  const loop = /^Object\.keys\(([\w$]+)\)\.forEach\(function\(([\w$]+)\)\{(.*)\}\);?$/.exec(flat);
  if (!loop) return undefined;
  const [, local, key, body] = loop as unknown as [string, string, string, string];
  const escape = (name: string) => name.replace(/\$/g, '\\$');
  const normal = body.replace(new RegExp(`(?<![\\w$])${escape(key)}(?![\\w$])`, 'g'), 'key').replace(new RegExp(`(?<![\\w$])${escape(local)}(?![\\w$])`, 'g'), 'L');
  const guards: string[] = [];
  const rest = normal.replace(/if\(([^;]*?)\)return;/gy, (_all, guard: string) => {
    guards.push(guard);
    return '';
  });
  if (!guards.includes('key==="default"||key==="__esModule"') || !guards.every((g) => STAR_GUARDS.has(g))) return undefined;
  return /^Object\.defineProperty\(exports,key,\{enumerable:true,get:function(?: get)?\(\)\{return L\[key\];?\},?\}\);?$/.test(rest) ? local : undefined;
}

/** Names the file defines on `exports` itself (`Object.defineProperty(exports, 'K', ...)`, `exports.K =`, Babel's `_exportNames`). */
function explicitExports(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(j.CallExpression, { callee: { type: 'MemberExpression', object: { name: 'Object' }, property: { name: 'defineProperty' } } }).forEach((path) => {
    const [target, key] = path.node.arguments as any[];
    if (target?.type === 'Identifier' && target.name === 'exports' && typeof key?.value === 'string') names.add(key.value);
  });
  root.find(j.AssignmentExpression, { left: { type: 'MemberExpression', object: { name: 'exports' } } }).forEach((path) => {
    const left = path.node.left as any;
    const name = left.computed ? left.property.value : left.property.name;
    if (typeof name === 'string') names.add(name);
  });
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: '_exportNames' } }).forEach((path) => {
    const init = path.node.init as any;
    for (const property of init?.type === 'ObjectExpression' ? init.properties : []) {
      const name = property.key?.name ?? property.key?.value;
      if (typeof name === 'string') names.add(name);
    }
  });
  return names;
}

/**
 * Turns each of Babel's `export *` loops over a relative module into one export getter per
 * name that module exports. Returns the names made getters and, for each loop left as it is, why.
 */
export function starExportsToGetters(j: JSCodeshift, root: Collection, file: string, project: ProjectReader): { converted: string[]; skipped: string[] } {
  const converted: string[] = [];
  const skipped: string[] = [];
  const taken = explicitExports(j, root);
  root.find(j.ExpressionStatement).forEach((path) => {
    if (path.parent.node.type !== 'Program') return;
    const local = starLocal(j, path);
    if (!local) return;
    const declarators = root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: local } }).filter((p) => p.parent.parent.node.type === 'Program');
    const init = declarators.size() === 1 ? (declarators.paths()[0]!.node.init as any) : undefined;
    if (!isRequireCall(init) || !init.arguments[0].value.startsWith('.')) return;
    const specifier: string = init.arguments[0].value;
    const line = path.node.loc?.start.line ?? '?';
    const target = resolveRelativeModule(file, specifier, project);
    const read = target === undefined ? undefined : cjsExportsOf(project.read(target) ?? '');
    const why = !target
      ? `${specifier} is not a file of the project`
      : !read
        ? `Node cannot read the names ${target} exports`
        : read.reexports.length > 0
          ? `${target} re-exports names of ${read.reexports.join(', ')} itself`
          : undefined;
    const names = read ? inDefinitionOrder([...new Set(read.exports)], project.read(target!)!).filter((name) => name !== 'default' && name !== '__esModule' && !taken.has(name)) : [];
    const odd = names.find((name) => !IDENTIFIER.test(name));
    if (why || odd !== undefined || names.length === 0) {
      skipped.push(`export * from ${specifier} at line ${line} stays loaded at import: ${why ?? (odd !== undefined ? `its export ${JSON.stringify(odd)} is no identifier` : 'every name it exports is exported before')}`);
      return;
    }
    for (const name of names) taken.add(name);
    // The loop's own layout: prettier's trailing commas, or none.
    const comma = /\},\s*\}\s*\)/.test(j(path).toSource()) ? ',' : '';
    const getters = names.map((name) => `Object.defineProperty(exports, "${name}", {\n  enumerable: true,\n  get: function () {\n    return ${local}.${name};\n  }${comma}\n});`);
    const statements = j(getters.join('\n')).get().node.program.body;
    statements[0].comments = path.node.comments;
    path.replace(...statements);
    converted.push(...names);
  });
  return { converted, skipped };
}

/**
 * `names` in the order the module defines them when it runs, so the index's keys keep their
 * order: by the first `exports.x =` or `Object.defineProperty(exports, "x"`, a chain
 * `exports.a = exports.b = v` defining `b` first. Names not found keep their place at the end.
 */
function inDefinitionOrder(names: string[], text: string): string[] {
  const position = new Map<string, number>();
  const define = (name: string, at: number) => {
    if (!position.has(name) || position.get(name)! > at) position.set(name, at);
  };
  for (const chain of text.matchAll(/(?:\bexports\.[\w$]+\s*=(?!=)\s*)+/g)) {
    const chained = [...chain[0].matchAll(/exports\.([\w$]+)/g)].map((m) => m[1]!);
    chained.reverse().forEach((name, i) => define(name, chain.index + i / (chained.length + 1)));
  }
  for (const m of text.matchAll(/Object\.defineProperty\(\s*exports\s*,\s*["']([^"']+)["']/g)) define(m[1]!, m.index);
  const at = (name: string) => position.get(name) ?? Infinity;
  return names.map((name, i) => ({ name, i })).sort((a, b) => at(a.name) - at(b.name) || a.i - b.i).map(({ name }) => name);
}
