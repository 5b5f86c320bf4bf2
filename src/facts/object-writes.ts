import { ts } from '../project/typescript.cjs';
import type { ImportBinding, ResolveSpecifier } from './import-bindings.js';
import type { ImportedWrite } from './module-facts.js';
import { excerpt, lineOf, memberPath, requireMember, requireSpecifier, staticPropertyKey, unwrap } from './expression-shapes.js';

/** Where a module writes an entry of an object map: a lazy entry is a getter with no setter. */
export interface EntryWrite {
  line: number;
  /** The write, its first line (`rules[name] = wrap(rules[name])`). */
  text: string;
}

/** A write into an object's entries: what `objectOf` made of the object, the keys written (undefined: any) and the write. */
interface ObjectWrite<T> {
  object: T;
  keys: string[] | undefined;
  node: ts.Node;
}

/**
 * Every place, anywhere in the module (functions too: they may run later), that writes an entry
 * of an object `objectOf` knows: `name.key = v`, `name[k] = v`, `name[k] += v`, `name.key++`,
 * `delete name[k]`, `Object.assign(name, ...)`. A computed key, or an `Object.assign` source that
 * is not an object literal of static keys, may write any key. `enter` sees each node first, in
 * source order, so what `objectOf` knows may grow on the way (a local bound to a required module).
 */
function objectWrites<T>(sourceFile: ts.SourceFile, objectOf: (node: ts.Expression) => T | undefined, enter?: (node: ts.Node) => void): Array<ObjectWrite<T>> {
  const found: Array<ObjectWrite<T>> = [];
  const entryOf = (target: ts.Expression, node: ts.Node) => {
    const inner = unwrap(target);
    if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return;
    const object = objectOf(inner.expression);
    if (object === undefined) return;
    if (ts.isPropertyAccessExpression(inner)) {
      found.push({ object, keys: [inner.name.text], node });
      return;
    }
    const key = inner.argumentExpression;
    found.push({ object, keys: ts.isStringLiteralLike(key) || ts.isNumericLiteral(key) ? [key.text] : undefined, node });
  };
  const visit = (node: ts.Node): void => {
    enter?.(node);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) entryOf(node.left, node);
    } else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) entryOf(node.operand, node);
    } else if (ts.isDeleteExpression(node)) {
      entryOf(node.expression, node);
    } else if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const [target, ...sources] = node.arguments;
      const isAssign = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'assign';
      const object = isAssign && target !== undefined ? objectOf(target) : undefined;
      if (object !== undefined) {
        const keys = sources.map(literalKeys);
        found.push({ object, keys: keys.every((k) => k !== undefined) ? keys.flat() : undefined, node });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * The first place in the module that writes one of map `name`'s entries `keys`, or an entry by a
 * computed key (see {@link objectWrites}). A lazy entry is a getter without a setter, so in strict
 * code such a write would throw, and elsewhere do nothing. A write of a new key (`name.extra = v`,
 * `Object.assign(name, { extra: v })`) adds a plain property and is not counted.
 */
export function entryWrite(name: string, keys: readonly string[], sourceFile: ts.SourceFile): EntryWrite | undefined {
  const write = objectWrites(sourceFile, (node) => (memberPath(node) === name ? name : undefined)).find((w) => w.keys === undefined || w.keys.some((key) => keys.includes(key)));
  return write ? { line: lineOf(write.node, sourceFile), text: excerpt(write.node, sourceFile) } : undefined;
}

/** What of another module an expression holds: `imported` of `module` (`*`: all its exports), then the members `path`. */
type Held = Pick<ImportedWrite, 'module' | 'imported' | 'path'>;

/** What an expression holds, and whether it is the namespace a dynamic import gives (its `default` is the default export). */
type Holding = Held & { namespace?: boolean };

/**
 * Writes into objects of another project module (`plugin.rules.x = v`): the map that module
 * declares may be one of them. The object is reached through an import binding, a `require()` of
 * the module itself (`require('./index').rules.x = v`), or a local bound to either anywhere in
 * the module, a test's callback too (`const plugin = require('../index')`,
 * `const { rules } = plugin`, `const rules = plugin.rules`, `(await import('../index.js')).default`,
 * `const { default: plugin } = await import(...)`), the parameter of a dynamic import's `then`
 * callback (`import('../index.js').then(({ default: plugin }) => ...)`), or the parameter of a
 * function of the module a call hands it to (`patch(require('../index'))`).
 * A name bound twice stands for each thing it was bound to, shadowing aside: a write through it
 * counts for all of them.
 */
export function collectImportedWrites(sourceFile: ts.SourceFile, bindings: ReadonlyMap<string, ImportBinding>, resolve: ResolveSpecifier): ImportedWrite[] {
  const locals = new Map<string, Holding[]>();
  // A binding the graph left unresolved, or resolved to a package (its id is its name), holds no project map.
  for (const b of bindings.values()) if (!b.typeOnly && b.module !== b.specifier) locals.set(b.local, [{ module: b.module, imported: b.imported, path: [] }]);
  if (locals.size === 0 && !/\brequire\s*\(|\bimport\s*\(/.test(sourceFile.text)) return [];
  const memberOf = (held: Holding[], name: string): Holding[] =>
    held.map(({ namespace, ...h }) =>
      // The default of a dynamic import's namespace is what a default import binds (a CommonJS module's module.exports).
      namespace && name === 'default' ? { ...h, imported: 'default' } : { ...h, path: [...h.path, name] },
    );
  const namespaceOf = (specifier: string | undefined): Holding[] => {
    if (specifier === undefined) return [];
    const module = resolve(specifier);
    return module === specifier ? [] : [{ module, imported: '*', path: [], namespace: true }];
  };
  const heldBy = (node: ts.Expression): Holding[] => {
    const inner = unwrap(node);
    if (ts.isIdentifier(inner)) return locals.get(inner.text) ?? [];
    if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.name)) return memberOf(heldBy(inner.expression), inner.name.text);
    if (ts.isAwaitExpression(inner)) return namespaceOf(dynamicImportSpecifier(unwrap(inner.expression)));
    const required = requireSpecifier(inner);
    if (required === undefined) return [];
    const module = resolve(required);
    return module === required ? [] : [{ module, imported: '*', path: [] }];
  };
  /** Binds `name` to `held` too, up to MAX_HOLDINGS things; whether it holds anything it did not. */
  const bind = (name: string, held: Holding[]): boolean => {
    const known = locals.get(name) ?? [];
    const fresh = held.filter((h) => !known.some((k) => sameHeld(k, h))).slice(0, Math.max(0, MAX_HOLDINGS - known.length));
    if (fresh.length > 0) locals.set(name, [...known, ...fresh]);
    return fresh.length > 0;
  };
  const bindPattern = (name: ts.BindingName, held: Holding[]): boolean => {
    if (held.length === 0) return false;
    if (ts.isIdentifier(name)) return bind(name.text, held);
    if (!ts.isObjectBindingPattern(name)) return false;
    let bound = false;
    for (const element of name.elements) {
      if (element.dotDotDotToken) continue;
      const key = element.propertyName ? staticPropertyKey(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (key !== undefined) bound = bindPattern(element.name, memberOf(held, key)) || bound;
    }
    return bound;
  };
  // The module's functions by name, with their parameters: a call may hand one what it holds.
  const functions = new Map<string, Set<ts.NodeArray<ts.ParameterDeclaration>>>();
  const declare = (name: string, parameters: ts.NodeArray<ts.ParameterDeclaration>) => functions.set(name, (functions.get(name) ?? new Set()).add(parameters));
  // A parameter bound during a pass (the function's body may come before the call), or a call
  // handing something to a function declared after it: the module is walked again.
  let rebound = false;
  const calledBeforeDeclared = new Set<string>();
  const enter = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) declare(node.name.text, node.parameters);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const value = unwrap(node.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) declare(node.name.text, value.parameters);
    }
    // `patch(require('../index'))`: the parameter holds what the argument does.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const declared = functions.get(node.expression.text);
      if (!declared && node.arguments.some((argument) => heldBy(argument).length > 0)) calledBeforeDeclared.add(node.expression.text);
      for (const parameters of declared ?? []) {
        node.arguments.forEach((argument, i) => {
          const parameter = parameters[i];
          if (!parameter || parameter.dotDotDotToken) return;
          // A function calling itself with a member of its parameter (`walk(node.parent)`) would hand it ever longer paths.
          const handed = heldBy(argument).filter((h) => h.path.length <= MAX_HANDED_PATH);
          if (bindPattern(parameter.name, handed)) rebound = true;
        });
      }
      return;
    }
    // `import('../index.js').then((ns) => ...)`: the callback's parameter is the namespace.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'then') {
      const [callback] = node.arguments;
      const parameter = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0] : undefined;
      if (parameter) bindPattern(parameter.name, namespaceOf(dynamicImportSpecifier(unwrap(node.expression.expression))));
      return;
    }
    if (!ts.isVariableDeclaration(node) || !node.initializer) return;
    // The top level's `const x = require('y')` forms are import bindings already.
    const statement = node.parent.parent;
    if (ts.isVariableStatement(statement) && statement.parent === sourceFile && (requireSpecifier(node.initializer) ?? requireMember(node.initializer)) !== undefined) return;
    bindPattern(node.name, heldBy(node.initializer));
  };
  const objectOf = (node: ts.Expression) => {
    const held = heldBy(node);
    return held.length > 0 ? held : undefined;
  };
  const walk = () => {
    rebound = false;
    const writes = objectWrites(sourceFile, objectOf, enter);
    if ([...calledBeforeDeclared].some((name) => functions.has(name))) rebound = true;
    calledBeforeDeclared.clear();
    return writes;
  };
  let found = walk();
  for (let pass = 1; rebound && pass < MAX_PASSES; pass++) found = walk();
  const writes: ImportedWrite[] = [];
  for (const write of found) {
    const line = lineOf(write.node, sourceFile);
    const text = excerpt(write.node, sourceFile);
    for (const { module, imported, path } of write.object) writes.push({ module, imported, path, ...(write.keys && { keys: write.keys }), line, text });
  }
  return writes;
}

/** Walks of a module for writes: each after the first follows what calls handed to functions in the walk before (`a(x)` calling `b(x)`). */
const MAX_PASSES = 4;
/** The longest member path a call hands a parameter (`patch(plugin.configs.recommended)`); a map sits far nearer the module's exports. */
const MAX_HANDED_PATH = 3;
/** The most things one name stands for: bindings in minified code name one letter for many things. */
const MAX_HOLDINGS = 32;

function sameHeld(a: Holding, b: Holding): boolean {
  return a.module === b.module && a.imported === b.imported && a.path.join('.') === b.path.join('.') && a.namespace === b.namespace;
}

/** The specifier of `import('x')`, when it is a string. */
function dynamicImportSpecifier(call: ts.Expression): string | undefined {
  if (!ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const [arg] = call.arguments;
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** The keys of `{ a: v, 'b': w }`, an object literal whose keys are all static; else undefined. */
function literalKeys(node: ts.Expression): string[] | undefined {
  const inner = unwrap(node);
  if (!ts.isObjectLiteralExpression(inner)) return undefined;
  const keys: string[] = [];
  for (const property of inner.properties) {
    const key = ts.isSpreadAssignment(property) || !property.name ? undefined : staticPropertyKey(property.name);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}
