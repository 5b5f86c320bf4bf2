import { ts } from 'ts-morph';
import type { RegisterFunctionFact } from './module-facts.js';
import { isFunctionLike, lineOf, unwrap } from './expression-shapes.js';

/**
 * Functions named `register*` anywhere in a module (highlight.js defines `registerLanguage`
 * inside its HLJS factory), with the first place each calls or constructs the value it is
 * given (its second parameter, or its only one) while registering. A lazy entry would hand such
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
        const call = firstCallOf(value, fn);
        found.push({ name, line: lineOf(fn, sourceFile), value, ...(call && { callsValue: { construct: call.construct, line: lineOf(call.node, sourceFile) } }) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The first `value(...)`, `new value(...)` or `value.call(...)` in `fn`'s own body (not in nested functions). */
function firstCallOf(value: string, fn: ts.FunctionLikeDeclaration): { node: ts.Node; construct: boolean } | undefined {
  let found: { node: ts.Node; construct: boolean } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== fn && isFunctionLike(node))) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      let callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && /^(call|apply)$/.test(callee.name.text)) callee = unwrap(callee.expression);
      if (ts.isIdentifier(callee) && callee.text === value) {
        found = { node, construct: ts.isNewExpression(node) };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}
