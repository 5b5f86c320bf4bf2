import { ts } from '../project/typescript.cjs';
import { excerpt, isFunctionLike, isImmediatelyInvoked, lineOf, memberPath, unwrap } from './expression-shapes.js';

/** Where a module's own top-level code reads every value of an object it declares. */
export interface WholeRead {
  line: number;
  /** The expression that reads it, its first line (`_objectSpread({}, allRules)`). */
  text: string;
  /** `computed-key`: one entry read by a key known only at run time (`rules[name]` in a loop). */
  how: 'whole' | 'computed-key';
}

// Copying or listing an object's values reads each property, getters included. Babel's, tsc's
// and esbuild's spread helpers (`_objectSpread({}, x)`, `__assign({}, x)`, `__spreadValues({}, x)`)
// do what `{ ...x }` does; their first argument is the target.
const SPREAD_HELPERS = /^(?:_objectSpread\d*|_extends|__assign|__spreadValues|__spreadProps)$/;
const OBJECT_READERS = new Set(['assign', 'values', 'entries']);

/**
 * The first statement other than `declaration` whose evaluation at import reads all the values
 * of top-level object `name` (or of member path `plugin.rules`): `{ ...name }`,
 * `Object.assign({}, name)`, `Object.values(name)`, `Object.entries(name)`, `JSON.stringify(name)`
 * (or of an object holding it) or a compiler's spread helper, outside function bodies
 * (immediately invoked ones excepted). Reading only its keys (`Object.keys(name)`) or one entry
 * does not count.
 */
export function wholeReadAtImport(name: string, sourceFile: ts.SourceFile, declaration: ts.Statement): WholeRead | undefined {
  // A map nested in an object (`plugin.rules`) is read as that member path.
  const isName = (node: ts.Expression | undefined) => node !== undefined && memberPath(node) === name;
  // JSON.stringify reads nested values too: stringifying `plugin` reads `plugin.rules` whole.
  const isNameOrHolder = (node: ts.Expression | undefined) => {
    const path = node && memberPath(node);
    return path !== undefined && (path === name || name.startsWith(`${path}.`));
  };
  const readsWhole = (node: ts.Node): boolean => {
    if (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) return isName(node.expression);
    if (!ts.isCallExpression(node)) return false;
    const callee = unwrap(node.expression);
    const args = node.arguments;
    if (ts.isIdentifier(callee) && SPREAD_HELPERS.test(callee.text)) return args.slice(1).some(isName);
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
    const [object, method] = [callee.expression.text, callee.name.text];
    if (object === 'Object' && OBJECT_READERS.has(method)) return (method === 'assign' ? args.slice(1) : args.slice(0, 1)).some(isName);
    return object === 'JSON' && method === 'stringify' && isNameOrHolder(args[0]);
  };
  // `rules[name]` in a loop at import (`Object.keys(rules).forEach(...)`, `for (const k in rules)`):
  // which entries it reads is known only at run time, most often all of them. One lookup at
  // import (`rules[process.env.RULE]`) loads one provider and is not counted.
  const readsComputedKey = (node: ts.Node): boolean =>
    ts.isElementAccessExpression(node) && isName(node.expression) && !ts.isStringLiteralLike(node.argumentExpression) && !ts.isNumericLiteral(node.argumentExpression);
  let how: WholeRead['how'] = 'whole';
  const find = (node: ts.Node, inLoop = false): ts.Node | undefined => {
    const callback = isIterationCallback(node);
    if (isFunctionLike(node) && !isImmediatelyInvoked(node) && !callback) return undefined;
    if (ts.isClassLike(node)) return undefined;
    if (readsWhole(node)) return node;
    if (inLoop && readsComputedKey(node)) {
      how = 'computed-key';
      return node;
    }
    const loop = inLoop || callback || ts.isIterationStatement(node, false);
    return ts.forEachChild(node, (child) => find(child, loop));
  };
  for (const statement of sourceFile.statements) {
    if (statement === declaration) continue;
    const read = find(statement);
    if (read) return { line: lineOf(read, sourceFile), text: excerpt(read, sourceFile), how };
  }
  return undefined;
}

const ITERATION_METHODS = new Set(['forEach', 'map', 'filter', 'reduce', 'some', 'every', 'find', 'flatMap']);

/** `Object.keys(rules).forEach((name) => ...)`: a callback that runs now, once per element. */
function isIterationCallback(node: ts.Node): boolean {
  const call = node.parent;
  return ts.isCallExpression(call) && call.arguments[0] === node && ts.isPropertyAccessExpression(call.expression) && ITERATION_METHODS.has(call.expression.name.text);
}
