import { ts } from '../project/typescript.cjs';
import type { StatementKind, TopLevelStatement } from './module-facts.js';
import { boundNames, calleeText, commonJsExportTarget, effectiveCallee, excerpt, lineOf, requireSpecifier, rootIdentifier, unwrap } from './expression-shapes.js';
import { classifyInvocation, executedInvocations, isInteropHelperCall, type ModuleScope } from './imported-values.js';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/**
 * Classifies every top-level statement by what it does when the module is evaluated.
 * `registrationStatements` (indexes) come from registry detection.
 */
export function classifyStatements(scope: ModuleScope, registrationStatements: ReadonlySet<number>): TopLevelStatement[] {
  const { sourceFile } = scope;
  return sourceFile.statements.map((statement, index) => {
    const verdict = registrationStatements.has(index) ? { kind: 'registration' as StatementKind } : classify(statement, scope);
    return {
      kind: verdict.kind,
      line: lineOf(statement, sourceFile),
      start: statement.getStart(sourceFile),
      end: statement.end,
      declares: declaredNames(statement),
      ...(verdict.callee ? { callee: verdict.callee } : {}),
      text: excerpt(statement, sourceFile),
    };
  });
}

/** Names a top-level statement declares, imports included. */
export function declaredNames(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return [];
    const names = clause.name ? [clause.name.text] : [];
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) names.push(named.name.text);
    else if (named) for (const element of named.elements) names.push(element.name.text);
    return names;
  }
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => boundNames(d.name));
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return [statement.name.text];
  return [];
}

interface Verdict {
  kind: StatementKind;
  callee?: string;
}

function classify(statement: ts.Statement, scope: ModuleScope): Verdict {
  if (ts.isImportDeclaration(statement)) return { kind: statement.importClause ? 'declaration' : 'side-effect-import' };
  if (
    ts.isImportEqualsDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isFunctionDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEmptyStatement(statement) ||
    (ts.isModuleDeclaration(statement) && !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
  ) {
    return { kind: 'declaration' };
  }
  if (ts.isExpressionStatement(statement)) {
    const expr = unwrap(statement.expression);
    if (ts.isStringLiteralLike(expr)) return { kind: 'declaration' }; // 'use strict'
    // `require('./polyfill')` on its own line is CommonJS's side-effect import.
    if (requireSpecifier(expr) !== undefined) return { kind: 'side-effect-import' };
  }
  if (containsGlobalMutation(statement, scope)) return { kind: 'global-mutation' };
  if (ts.isExpressionStatement(statement) && isExportPlumbing(statement.expression)) return { kind: 'declaration' };
  return byInvocations(statement, scope);
}

/** `exports.x = exports.y = void 0`, `exports.x = x`, `module.exports = {...}` without calls. */
function isExportPlumbing(expression: ts.Expression): boolean {
  const expr = unwrap(expression);
  if (ts.isCallExpression(expr)) return isInteropHelperCall(expr);
  return ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken && commonJsExportTarget(expr.left) !== undefined &&
    executedInvocations(expr.right).length === 0;
}

/** Decides between declaration, eager-init and other from the calls a statement runs now. */
function byInvocations(statement: ts.Statement, scope: ModuleScope): Verdict {
  let sawLocal = false;
  for (const invocation of executedInvocations(statement)) {
    if (ts.isAwaitExpression(invocation) || ts.isForOfStatement(invocation as ts.Node)) {
      const awaited = ts.isAwaitExpression(invocation) ? unwrap(invocation.expression) : undefined;
      const callee = awaited && (ts.isCallExpression(awaited) || ts.isNewExpression(awaited)) ? calleeText(awaited.expression, scope.sourceFile) : 'await';
      return { kind: 'eager-init', callee };
    }
    const { origin, callee } = classifyInvocation(invocation, scope);
    // `memoize(() => require('./big'))`: the call only wraps work for later, it is the cure.
    if (origin === 'imported' && isLazyWrapperCall(invocation)) continue;
    if (origin === 'imported') {
      const text = calleeText(callee, scope.sourceFile);
      return { kind: 'eager-init', callee: ts.isNewExpression(invocation) ? `new ${text}` : text };
    }
    if (origin === 'local') sawLocal = true;
  }
  // Class declarations and pure initialisers only declare; anything else that calls local code "runs".
  if (sawLocal) return { kind: 'other' };
  if (ts.isClassDeclaration(statement) || ts.isVariableStatement(statement) || ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement) || ts.isExportAssignment(statement) || ts.isExpressionStatement(statement)) {
    if (ts.isExpressionStatement(statement) && !isExportPlumbing(statement.expression)) {
      return { kind: 'other' };
    }
    return { kind: 'declaration' };
  }
  return { kind: 'other' };
}

/** A call whose every argument is a function (`memoize(fn)`, `once(() => ...)`): nothing of theirs runs now. */
function isLazyWrapperCall(invocation: ts.CallExpression | ts.NewExpression): boolean {
  const args = invocation.arguments ?? [];
  return ts.isCallExpression(invocation) && args.length > 0 && args.every((arg) => {
    const inner = unwrap(arg);
    return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner);
  });
}

/** Assignments to globals, `process.env`, prototypes or `console`, and `Object.defineProperty/assign` on them. */
function containsGlobalMutation(statement: ts.Statement, scope: ModuleScope): boolean {
  let found = false;
  const constructors = localConstructors(scope.sourceFile);
  const isGlobalTarget = (target: ts.Expression): boolean => {
    const expr = unwrap(target);
    const root = rootIdentifier(expr);
    if (!root) return false;
    // A local alias of a global (`var A = Array; A.prototype.x = ...`) still patches the global;
    // the prototype of a class or function the module declares is the module's own.
    if (scope.bindings.has(root.text) || constructors.has(root.text) || (scope.localNames.has(root.text) && !expr.getText(scope.sourceFile).includes('.prototype'))) {
      return false;
    }
    if (GLOBAL_OBJECTS.has(root.text) && expr !== root) return true;
    if (root.text === 'console' && expr !== root) return true;
    const text = expr.getText(scope.sourceFile);
    if (/^process\.env\b/.test(text) && expr !== root) return true;
    if (/\.prototype(\.|\[|$)/.test(text)) return true;
    if (GLOBAL_OBJECTS.has(root.text) || root.text === 'process') return false;
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isClassLike(node)) return;
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind) && isGlobalTarget(node.left)) {
      found = true;
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = effectiveCallee(node.expression);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) &&
        (callee.expression.text === 'Object' || callee.expression.text === 'Reflect') &&
        /^(defineProperty|defineProperties|assign|setPrototypeOf|set)$/.test(callee.name.text) && node.arguments[0]) {
        const target = unwrap(node.arguments[0]);
        const root = rootIdentifier(target);
        if (root && !constructors.has(root.text) && (GLOBAL_OBJECTS.has(root.text) || root.text === 'console' || /\.prototype\b/.test(target.getText(scope.sourceFile)) ||
          /^process\.env\b/.test(target.getText(scope.sourceFile)))) {
          found = true;
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

const constructorCache = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * Top-level names the module binds to a class or function of its own: `class X {}`, `function X() {}`,
 * `var X = function () {}` / `class {}`, and tsc's ES5 class, `var X = (function () { function X() {} ... return X; }())`.
 * Assigning to their prototypes changes nothing outside the module.
 */
function localConstructors(sourceFile: ts.SourceFile): Set<string> {
  const cached = constructorCache.get(sourceFile);
  if (cached) return cached;
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.add(statement.name.text);
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer && definesConstructor(declaration.initializer)) names.add(declaration.name.text);
    }
  }
  constructorCache.set(sourceFile, names);
  return names;
}

function definesConstructor(initializer: ts.Expression): boolean {
  const value = unwrap(initializer);
  if (ts.isFunctionExpression(value) || ts.isClassExpression(value)) return true;
  if (!ts.isCallExpression(value) || value.arguments.length > 1) return false;
  const fn = unwrap(value.expression);
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return false;
  if (!fn.body || !ts.isBlock(fn.body)) return false;
  // The IIFE returns a function or class it declares itself.
  const declared = new Set(fn.body.statements.flatMap((s) => ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name ? [s.name.text] : [])));
  const last = fn.body.statements[fn.body.statements.length - 1];
  return !!last && ts.isReturnStatement(last) && !!last.expression && ts.isIdentifier(unwrap(last.expression)) && declared.has((unwrap(last.expression) as ts.Identifier).text);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
