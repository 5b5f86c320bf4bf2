// A CommonJS `export * from './add.js'` requires the module at import to learn its names:
// Babel's loop, `var _index = require("./add.js"); Object.keys(_index).forEach(function (key) {
// ... Object.defineProperty(exports, key, { enumerable: true, get: function () { return
// _index[key]; } }); })`, or tsc's `__exportStar(require("./add"), exports)`, which binds each name
// through a getter too. The names are what Node reads in the module (and in the modules it
// re-exports in turn) for ES module importers (cjs-module-lexer, as src/facts/star-exports.ts
// reads them for the finding), so the star becomes the export getters the compiler writes for a
// named re-export, one per name, which Node reads too: `Object.defineProperty(exports, "add", {
// enumerable: true, get: function () { return _index.add; } })`. requireInGetters then moves the
// require into the getters, as for any export getter.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { isRequireCall } from '../shared-lazy-loading/binding-uses.js';
import { topLevelDeclarators } from './require-in-getters.js';
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
  // Printing every top-level statement to test it would cost a barrel of getters dearly.
  const call = path.node.expression;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.property?.name !== 'forEach') return undefined;
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

/** `__exportStar(require("./x"), exports)` (tsc), `tslib_1.__exportStar(...)` or `(0, tslib_1.__exportStar)(...)` -> `./x`. */
function tscStarSpecifier(path: ASTPath<any>): string | undefined {
  const call = path.node.expression;
  if (call?.type !== 'CallExpression' || call.arguments.length !== 2) return undefined;
  let callee = call.callee;
  if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1];
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : undefined;
  const [required, target] = call.arguments;
  if (name !== '__exportStar' || target.type !== 'Identifier' || target.name !== 'exports' || !isRequireCall(required)) return undefined;
  return required.arguments.length === 1 ? required.arguments[0].value : undefined;
}

/** Names Node gives an ES module importer of `target`, through the modules it re-exports; why not, when it cannot read them all. */
function starNames(target: string, project: ProjectReader, seen = new Set<string>()): string[] | string {
  if (seen.has(target)) return [];
  seen.add(target);
  const text = project.read(target) ?? '';
  const read = /\.c?js$/.test(target) ? cjsExportsOf(text) : undefined;
  if (!read) return `Node cannot read the names ${target} exports`;
  if (!writesExportsByName(text)) return `${target} writes exports it does not name (\`exports[...]\`, \`module.exports =\`, \`Object.assign(exports, ...)\`), which the star copies and one getter per name would lose`;
  const names = inDefinitionOrder(read.exports, text);
  for (const specifier of read.reexports) {
    const inner = resolveRelativeModule(target, specifier, project);
    const more = inner === undefined ? `${target} re-exports ${specifier}, no file of the project` : starNames(inner, project, seen);
    if (typeof more === 'string') return more;
    names.push(...more);
  }
  return [...new Set(names)].filter((name) => name !== 'default' && name !== '__esModule');
}

/** Babel's `export *` loop, whose `exports[key]` the lexer reads as a re-export. */
const BABEL_STAR_LOOP = /Object\.keys\(([\w$]+)\)\.forEach\(function \((\w+)\) \{[\s\S]*?return \1\[\2\];[\s\S]*?\}\);/g;

/**
 * True when `text` writes its exports by literal name only: a star copies whatever the module
 * has when it runs, the lexer sees only names written out (the facts check the same,
 * src/facts/star-exports.ts).
 */
function writesExportsByName(text: string): boolean {
  const code = text.replace(BABEL_STAR_LOOP, '');
  return !/\bexports\s*\[|Object\.(?:assign|defineProperties)\(\s*(?:module\.)?exports\b|Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*[^\s'"]|\bmodule\.exports\s*=/.test(code);
}

/** tsc's name for a module's binding: `index_1` for `./type/clone/index`, the first number free. */
function tscLocalName(specifier: string, used: Set<string>): string {
  const stem = (specifier.split('/').pop() ?? 'module').replace(/\.[cm]?js$/, '').replace(/[^\w$]/g, '_').replace(/^(?=\d)/, '_') || 'module';
  for (let i = 1; ; i++) {
    const name = `${stem}_${i}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/**
 * Turns each `export *` of a relative module, Babel's loop or tsc's `__exportStar`, into one
 * export getter per name that module exports (tsc's gets the `var x_1 = require("./x")` its named
 * re-exports have). Returns the names made getters and, for each star left as it is, why.
 */
export function starExportsToGetters(j: JSCodeshift, root: Collection, file: string, project: ProjectReader): { converted: string[]; skipped: string[] } {
  const converted: string[] = [];
  const skipped: string[] = [];
  const taken = explicitExports(j, root);
  let used: Set<string> | undefined;
  let declaratorsOf: Map<string, ASTPath<any>[]> | undefined;
  const replacements: Array<{ path: ASTPath<any>; texts: string[] }> = [];
  const nameless: string[] = [];
  root.find(j.ExpressionStatement).forEach((path) => {
    if (path.parent.node.type !== 'Program') return;
    const local = starLocal(j, path);
    let specifier: string | undefined;
    if (local) {
      declaratorsOf ??= topLevelDeclarators(j, root);
      const declarators = declaratorsOf.get(local) ?? [];
      const init = declarators.length === 1 ? (declarators[0]!.node.init as any) : undefined;
      if (isRequireCall(init)) specifier = init.arguments[0].value;
    } else specifier = tscStarSpecifier(path);
    if (specifier === undefined || !specifier.startsWith('.')) return;
    const line = path.node.loc?.start.line ?? '?';
    const target = resolveRelativeModule(file, specifier, project);
    const read = target === undefined ? `${specifier} is not a file of the project` : starNames(target, project);
    const names = typeof read === 'string' ? [] : read.filter((name) => !taken.has(name));
    const odd = names.find((name) => !IDENTIFIER.test(name));
    // tsc keeps `export * from './x.interface'` of a module of types only: said once, below.
    if (typeof read !== 'string' && read.length === 0) {
      nameless.push(specifier);
      return;
    }
    if (typeof read === 'string' || odd !== undefined || names.length === 0) {
      const why = typeof read === 'string' ? read : odd !== undefined ? `its export ${JSON.stringify(odd)} is no identifier` : 'every name it exports is exported before';
      skipped.push(`export * from ${specifier} at line ${line} stays loaded at import: ${why}`);
      return;
    }
    for (const name of names) taken.add(name);
    let texts: string[];
    if (local) {
      // Babel's layout: the loop's own, with prettier's trailing commas or without.
      const comma = /\},\s*\}\s*\)/.test(j(path).toSource()) ? ',' : '';
      texts = names.map((name) => `Object.defineProperty(exports, "${name}", {\n  enumerable: true,\n  get: function () {\n    return ${local}.${name};\n  }${comma}\n});`);
    } else {
      // tsc's layout for `export { a } from './x'`: one line per getter.
      used ??= new Set(root.find(j.Identifier).nodes().map((node) => node.name));
      const binding = tscLocalName(specifier, used);
      texts = [`var ${binding} = require(${JSON.stringify(specifier)});`, ...names.map((name) => `Object.defineProperty(exports, "${name}", { enumerable: true, get: function () { return ${binding}.${name}; } });`)];
    }
    replacements.push({ path, texts });
    converted.push(...names);
  });
  // One text for all the stars: recast lays out statements parsed together as that text does,
  // and those of separate texts side by side on one line.
  if (nameless.length > 0) {
    const list = nameless.length > 3 ? `${nameless.slice(0, 3).join(', ')} and ${nameless.length - 3} more` : nameless.join(', ');
    skipped.push(`export * from ${list} ${nameless.length === 1 ? 'stays' : 'stay'} as written: Node reads no export name in ${nameless.length === 1 ? 'it' : 'them'} (types only)`);
  }
  if (replacements.length === 0) return { converted, skipped };
  const parsed = j(replacements.flatMap((r) => r.texts).join('\n')).get().node.program.body as any[];
  let at = 0;
  for (const { path, texts } of replacements) {
    const statements = parsed.slice(at, (at += texts.length));
    // The star's comments (a banner over a group of stars) go with its first getter, as printed
    // comments: their positions are the file's, the getters' another text's.
    const comments = (path.node.comments ?? []).map(({ type, value, leading, trailing }: any) => ({ type, value, leading, trailing }));
    if (comments.length > 0) statements[0].comments = comments;
    path.replace(...statements);
  }
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
