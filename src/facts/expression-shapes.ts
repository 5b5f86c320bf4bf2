import { ts } from '../project/typescript.cjs';

// Recognisers for the expression shapes the facts care about. They look at syntax only
// (no type checker), so they are deliberately literal about what they accept.

/** Strips `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x` wrappers. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else if (ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/**
 * The specifier of a `require('x')` call, also seen through the wrappers tsc and Babel emit
 * around it (`__importDefault(require('x'))`, `tslib.__importStar(require('x'))`).
 */
export function requireSpecifier(node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  if (!ts.isCallExpression(expr)) return undefined;
  if (ts.isIdentifier(expr.expression) && expr.expression.text === 'require') {
    const [arg] = expr.arguments;
    return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
  }
  const calleeName = ts.isIdentifier(expr.expression)
    ? expr.expression.text
    : ts.isPropertyAccessExpression(expr.expression)
      ? expr.expression.name.text
      : '';
  // Interop helpers around a require: tsc `__importDefault(require('x'))`, babel
  // `_interopRequireDefault(require('x'))`, esbuild `__toESM(require('x'), 1)`, and the same
  // helpers renamed by a minifier (`Z(require("x"),1)`), known by their `__esModule` check.
  const local = ts.isIdentifier(expr.expression) && isLocalInteropHelper(expr.expression);
  const helperArity = /^__import(Default|Star)$|^_interop/.test(calleeName) ? 1 : /^__to(ESM|Module)$/.test(calleeName) || local ? 2 : 0;
  const extraLiterals = expr.arguments.slice(1).every((arg) => ts.isLiteralExpression(arg) || arg.kind === ts.SyntaxKind.TrueKeyword || arg.kind === ts.SyntaxKind.FalseKeyword);
  if (helperArity > 0 && expr.arguments.length >= 1 && expr.arguments.length <= helperArity && extraLiterals) {
    return requireSpecifier(expr.arguments[0]!);
  }
  return undefined;
}

/** `require('x').name` → `{ specifier: 'x', member: 'name' }`. */
export function requireMember(node: ts.Expression): { specifier: string; member: string } | undefined {
  const expr = unwrap(node);
  if (!ts.isPropertyAccessExpression(expr)) return undefined;
  const specifier = requireSpecifier(expr.expression);
  return specifier === undefined ? undefined : { specifier, member: expr.name.text };
}

/** The identifier at the base of `a.b[c].d` or `a`. */
export function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(node);
  for (;;) {
    if (ts.isIdentifier(current)) return current;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      current = unwrap(current.expression);
    } else {
      return undefined;
    }
  }
}

/** `exports.x` / `module.exports.x` → `x`; `module.exports` → `*`. */
export function commonJsExportTarget(node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) {
    if (ts.isIdentifier(expr.expression) && expr.expression.text === 'module' && expr.name.text === 'exports') return '*';
    if (ts.isIdentifier(expr.expression) && expr.expression.text === 'exports') return expr.name.text;
    if (commonJsExportTarget(expr.expression) === '*') return expr.name.text;
  }
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
    const base = unwrap(expr.expression);
    if (ts.isIdentifier(base) && base.text === 'exports') return expr.argumentExpression.text;
  }
  return undefined;
}

/** The text of a static property key, or undefined when computed from something other than a literal. */
export function staticPropertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const inner = unwrap(name.expression);
    if (ts.isStringLiteralLike(inner) || ts.isNumericLiteral(inner)) return inner.text;
  }
  return undefined;
}

/** True for `async` functions, arrows and methods. */
export function isAsyncFunction(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
}

/** True for nodes whose body runs only when called. */
export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** `(() => {...})()` and `(function () {...})()`: a function body that runs where it is written. */
export function isImmediatelyInvoked(node: ts.Node): boolean {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  return !!parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === current;
}

/** Every name bound by a binding pattern or identifier. */
export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) names.push(...boundNames(element.name));
  }
  return names;
}

/** Text of a callee for reports: `getEncoding`, `z.object`, `new Tiktoken`. Trimmed. */
export function calleeText(node: ts.Expression, sourceFile: ts.SourceFile): string {
  const expr = unwrap(node);
  // `(0, x_1.foo)(...)` is how tsc calls an imported function in CommonJS output.
  if (ts.isParenthesizedExpression(node) && ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.CommaToken) {
    return calleeText(expr.right, sourceFile);
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.CommaToken) {
    return calleeText(expr.right, sourceFile);
  }
  const text = expr.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The callee of a call as written, seeing through tsc's `(0, x_1.foo)` indirection. */
export function effectiveCallee(expr: ts.Expression): ts.Expression {
  const inner = unwrap(expr);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.CommaToken) return unwrap(inner.right);
  return inner;
}

/** First line of a node's text, trimmed to ~120 characters, for reports. */
export function excerpt(node: ts.Node, sourceFile: ts.SourceFile): string {
  const firstLine = node.getText(sourceFile).split('\n')[0]!.trim();
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
}

/** 1-based line of a node's start (after trivia). */
export function lineOf(node: ts.Node, sourceFile: ts.SourceFile): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

const interopHelperCache = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * Whether `callee` names a top-level function of its file that checks `__esModule`: an interop
 * helper, whatever a minifier called it. Needs parent pointers (without them: false).
 */
function isLocalInteropHelper(callee: ts.Identifier): boolean {
  let node: ts.Node | undefined = callee;
  while (node && !ts.isSourceFile(node)) node = node.parent;
  if (!node) return false;
  const sf = node as ts.SourceFile;
  let helpers = interopHelperCache.get(sf);
  if (!helpers) {
    helpers = new Set();
    for (const statement of sf.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body?.getText(sf).includes('__esModule')) helpers.add(statement.name.text);
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && init.getText(sf).includes('__esModule')) {
          helpers.add(declaration.name.text);
        }
      }
    }
    interopHelperCache.set(sf, helpers);
  }
  return helpers.has(callee.text);
}

/** `plugin`, `plugin.rules`: the dotted path an expression reads, if it is only names. */
export function memberPath(node: ts.Expression): string | undefined {
  const inner = unwrap(node);
  if (ts.isIdentifier(inner)) return inner.text;
  if (!ts.isPropertyAccessExpression(inner) || !ts.isIdentifier(inner.name)) return undefined;
  const holder = memberPath(inner.expression);
  return holder === undefined ? undefined : `${holder}.${inner.name.text}`;
}
