import { ts } from '../project/typescript.cjs';
import type { RegisterFunctionFact } from './module-facts.js';
import { lineOf, unwrap } from './expression-shapes.js';

/**
 * Functions named `register*` anywhere in a module (highlight.js defines `registerLanguage`
 * inside its HLJS factory), with the first place each calls, constructs or reads the value it
 * is given (its second parameter, or its only one) while registering. A lazy entry would hand such
 * a function a loader instead of the value, so what it stores would change.
 */
export function collectRegisterFunctions(sourceFile: ts.SourceFile): RegisterFunctionFact[] {
  const found: RegisterFunctionFact[] = [];
  const visit = (node: ts.Node): void => {
    let name: string | undefined;
    let fn: ts.FunctionLikeDeclaration | undefined;
    if (ts.isFunctionDeclaration(node) && node.name && node.body) [name, fn] = [node.name.text, node];
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isFunctionExpression(init) || ts.isArrowFunction(init)) [name, fn] = [node.name.text, init];
    }
    if (name && fn && /^regist/i.test(name)) {
      const param = fn.parameters[fn.parameters.length >= 2 ? 1 : 0];
      if (param && ts.isIdentifier(param.name)) {
        const value = param.name.text;
        const keyProperty = fn.parameters.length === 1 ? storedKeyProperty(value, fn) : undefined;
        const use = firstUseOf(value, fn, keyProperty);
        found.push({ name, line: lineOf(fn, sourceFile), value, ...(keyProperty && { keyProperty }), ...(use && { usesValue: { use: use.use, line: lineOf(use.node, sourceFile) } }) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * The first use of `value` in `fn`'s body that needs the value itself: a call or `new` of it, or a read from it (`value.aliases`, passing it on). Storing it
 * (`store.set(key, value)`) and checking it (an `if` or conditional test, `typeof`, a `throw`)
 * need nothing a loader would not give at first lookup. The transform's check is the same
 * (transforms/registry-to-manifest/add-registry-loaders.ts, registeredValueProblem).
 */
function firstUseOf(value: string, fn: ts.FunctionLikeDeclaration, keyProperty?: string): { node: ts.Node; use: 'calls' | 'constructs' | 'reads' } | undefined {
  let found: { node: ts.Node; use: 'calls' | 'constructs' | 'reads' } | undefined;
  const visit = (node: ts.Node, checking: boolean): void => {
    // Nested functions count too: a callback that calls the value gets the loader instead.
    if (found) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      let callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && /^(call|apply)$/.test(callee.name.text)) callee = unwrap(callee.expression);
      if (ts.isIdentifier(callee) && callee.text === value) {
        found = { node, use: ts.isNewExpression(node) ? 'constructs' : 'calls' };
        return;
      }
      // `store.set(key, value)` stores it.
      const target = unwrap(node.expression);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(target) && target.name.text === 'set' && node.arguments.length === 2) {
        const stored = unwrap(node.arguments[1]!);
        if (ts.isIdentifier(stored) && stored.text === value) {
          visit(target, checking);
          // `store.set(value.name, value)`: the key property is what a manifest lists instead.
          if (!(keyProperty && keyPropertyOf(node.arguments[0]!, value) === keyProperty)) visit(node.arguments[0]!, checking);
          return;
        }
      }
    }
    // `languages[name] = value` stores it too.
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(unwrap(node.right)) && (unwrap(node.right) as ts.Identifier).text === value) {
      return visit(node.left, checking);
    }
    if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) {
      const test = ts.isIfStatement(node) ? node.expression : node.condition;
      visit(test, true);
      ts.forEachChild(node, (child) => (child === test ? undefined : visit(child, checking)));
      return;
    }
    if (ts.isThrowStatement(node) || ts.isTypeOfExpression(node)) return ts.forEachChild(node, (child) => visit(child, true));
    // Names of members and properties are not the value.
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression, checking);
    if (ts.isPropertyAssignment(node)) return visit(node.initializer, checking);
    if (ts.isIdentifier(node) && node.text === value && !checking) {
      found = { node, use: 'reads' };
      return;
    }
    ts.forEachChild(node, (child) => visit(child, checking));
  };
  if (fn.body) visit(fn.body, false);
  return found;
}

/** A one-argument register function storing `store.set(value.KEY, value)`: KEY. */
function storedKeyProperty(value: string, fn: ts.FunctionLikeDeclaration): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.arguments.length === 2) {
      const target = unwrap(node.expression);
      const stored = unwrap(node.arguments[1]!);
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'set' && ts.isIdentifier(stored) && stored.text === value) found = keyPropertyOf(node.arguments[0]!, value);
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** `value.KEY` on the parameter `value`: KEY. */
function keyPropertyOf(node: ts.Expression, value: string): string | undefined {
  const expr = unwrap(node);
  return ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === value ? expr.name.text : undefined;
}
