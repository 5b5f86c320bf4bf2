import { ts } from '../project/typescript.cjs';
import type { ImportBinding } from './import-bindings.js';
import type { ImportedWrite } from './module-facts.js';
import { excerpt, lineOf, memberPath, staticPropertyKey, unwrap } from './expression-shapes.js';

/** Where a module writes an entry of an object map: a lazy entry is a getter with no setter. */
export interface EntryWrite {
  line: number;
  /** The write, its first line (`rules[name] = wrap(rules[name])`). */
  text: string;
}

/** A write into an object's entries: the object's member path, the keys written (undefined: any) and the write. */
interface ObjectWrite {
  object: string;
  keys: string[] | undefined;
  node: ts.Node;
}

/**
 * Every place, anywhere in the module (functions too: they may run later), that writes an entry
 * of an object named by a member path that `isObject` accepts: `name.key = v`, `name[k] = v`,
 * `name[k] += v`, `name.key++`, `delete name[k]`, `Object.assign(name, ...)`. A computed key, or
 * an `Object.assign` source that is not an object literal of static keys, may write any key.
 */
function objectWrites(sourceFile: ts.SourceFile, isObject: (path: string) => boolean): ObjectWrite[] {
  const found: ObjectWrite[] = [];
  const entryOf = (target: ts.Expression, node: ts.Node) => {
    const inner = unwrap(target);
    if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return;
    const object = memberPath(inner.expression);
    if (object === undefined || !isObject(object)) return;
    if (ts.isPropertyAccessExpression(inner)) {
      found.push({ object, keys: [inner.name.text], node });
      return;
    }
    const key = inner.argumentExpression;
    found.push({ object, keys: ts.isStringLiteralLike(key) || ts.isNumericLiteral(key) ? [key.text] : undefined, node });
  };
  const visit = (node: ts.Node): void => {
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
      const object = isAssign && target !== undefined ? memberPath(target) : undefined;
      if (object !== undefined && isObject(object)) {
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
  const write = objectWrites(sourceFile, (path) => path === name).find((w) => w.keys === undefined || w.keys.some((key) => keys.includes(key)));
  return write ? { line: lineOf(write.node, sourceFile), text: excerpt(write.node, sourceFile) } : undefined;
}

/**
 * Writes into objects reached through an import binding of a project module (`plugin.rules.x = v`
 * with `plugin = require('./index')`): the map another module declares may be one of them.
 */
export function collectImportedWrites(sourceFile: ts.SourceFile, bindings: ReadonlyMap<string, ImportBinding>): ImportedWrite[] {
  // A binding the graph left unresolved, or resolved to a package (its id is its name), holds no project map.
  const locals = new Set([...bindings.values()].filter((b) => !b.typeOnly && b.module !== b.specifier).map((b) => b.local));
  if (locals.size === 0) return [];
  return objectWrites(sourceFile, (path) => locals.has(path.split('.', 1)[0]!)).map((write) => {
    const [binding, ...path] = write.object.split('.');
    return {
      binding: binding!,
      path,
      ...(write.keys && { keys: write.keys }),
      line: lineOf(write.node, sourceFile),
      text: excerpt(write.node, sourceFile),
    };
  });
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
