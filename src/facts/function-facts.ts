import { ts } from '../project/typescript.cjs';
import type { FunctionFact, SelectionFact } from './module-facts.js';
import { boundNames, effectiveCallee, isAsyncFunction, isFunctionLike, lineOf, unwrap } from './expression-shapes.js';
import { isReference } from './name-references.js';

// Calls that read a container rather than run what it holds: `providers.get(name)` is a lookup.
const CONTAINER_READS = new Set(['get', 'has', 'keys', 'values', 'entries', 'set', 'delete', 'includes', 'find', 'filter',
  'map', 'some', 'every', 'forEach', 'hasOwnProperty', 'startsWith', 'endsWith', 'toString', 'push', 'reduce', 'sort', 'join',
  'slice', 'split', 'replace', 'trim', 'toLowerCase', 'toUpperCase', 'indexOf', 'concat', 'match', 'test']);

/**
 * Top-level functions, function-valued consts and methods of top-level classes, with the
 * top-level names they read and the calls/`new`s whose callee derives from those names.
 * Locals assigned from a top-level name (`const H = PROVIDERS[name]`, `for (const [p, H] of
 * Object.entries(MAP))`) carry the name along, so `new H()` counts as constructing from it.
 */
export function collectFunctionFacts(sourceFile: ts.SourceFile, topNames: ReadonlySet<string>): FunctionFact[] {
  const functions: FunctionFact[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      functions.push(analyseFunction(statement.name.text, statement, sourceFile, topNames));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && unwrap(declaration.initializer);
        if (init && ts.isIdentifier(declaration.name) && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          functions.push(analyseFunction(declaration.name.text, init, sourceFile, topNames));
        }
      }
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      for (const member of statement.members) {
        if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isGetAccessorDeclaration(member)) && member.body) {
          const memberName = ts.isConstructorDeclaration(member) ? 'constructor' : member.name.getText(sourceFile);
          functions.push(analyseFunction(`${statement.name.text}.${memberName}`, member, sourceFile, topNames));
        }
      }
    }
  }
  return functions;
}

function analyseFunction(name: string, fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile, topNames: ReadonlySet<string>): FunctionFact {
  const reads = new Set<string>();
  const derived = new Map<string, Set<string>>();
  const invocations: FunctionFact['invocations'] = [];
  const valueReads: NonNullable<FunctionFact['valueReads']> = [];
  const isTop = (node: ts.Node): node is ts.Identifier =>
    ts.isIdentifier(node) && topNames.has(node.text) && !params.has(node.text) && !derived.has(node.text);
  const params = new Set(fn.parameters.flatMap((p) => boundNames(p.name)));

  const rootsOf = (node: ts.Node): Set<string> => {
    const roots = new Set<string>();
    const visit = (current: ts.Node): void => {
      if (ts.isIdentifier(current) && isReference(current)) {
        if (derived.has(current.text)) for (const root of derived.get(current.text)!) roots.add(root);
        else if (topNames.has(current.text) && !params.has(current.text)) roots.add(current.text);
      }
      ts.forEachChild(current, visit);
    };
    visit(node);
    return roots;
  };

  const selections: SelectionFact[] = [];
  const branchReads = (node: ts.Node): string[] => {
    const names = new Set<string>();
    const walk = (current: ts.Node): void => {
      // An error class thrown in a branch (`throw new Api.NotFoundError()`) is not a provider picked.
      if (ts.isTypeNode(current) || ts.isThrowStatement(current)) return;
      if (ts.isIdentifier(current) && isReference(current) && isTop(current)) names.add(current.text);
      ts.forEachChild(current, walk);
    };
    walk(node);
    return [...names].sort();
  };

  const visit = (node: ts.Node): void => {
    if (ts.isSwitchStatement(node)) {
      selections.push({
        kind: 'switch',
        line: lineOf(node, sourceFile),
        on: node.expression.getText(sourceFile),
        branches: node.caseBlock.clauses.map((clause) => ({
          label: ts.isCaseClause(clause) ? caseLabel(clause.expression, sourceFile) : 'default',
          line: lineOf(clause, sourceFile),
          reads: clause.statements.flatMap((statement) => branchReads(statement)).filter((n, i, all) => all.indexOf(n) === i).sort(),
        })),
      });
    } else if (ts.isIfStatement(node) && !(ts.isIfStatement(node.parent) && node.parent.elseStatement === node) && stringComparison(node.expression)) {
      const branches: SelectionFact['branches'] = [];
      let current: ts.Statement | undefined = node;
      while (current && ts.isIfStatement(current) && stringComparison(current.expression)) {
        const compared = stringComparison(current.expression)!;
        branches.push({ label: compared.literal, line: lineOf(current, sourceFile), reads: branchReads(current.thenStatement) });
        current = current.elseStatement;
      }
      if (current) branches.push({ label: 'else', line: lineOf(current, sourceFile), reads: branchReads(current) });
      selections.push({ kind: 'if', line: lineOf(node, sourceFile), on: stringComparison(node.expression)!.on.getText(sourceFile), branches });
    }
    // A nested async function's calls happen after an await point: not a synchronous consumer.
    if (node !== fn && isFunctionLike(node) && isAsyncFunction(node)) return;
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) && isReference(node) && topNames.has(node.text) && !params.has(node.text) && !derived.has(node.text)) {
      reads.add(node.text);
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const roots = rootsOf(node.initializer);
      for (const local of boundNames(node.name)) derived.set(local, roots);
    }
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer)) {
      const roots = rootsOf(node.expression);
      for (const declaration of node.initializer.declarations) for (const local of boundNames(declaration.name)) derived.set(local, roots);
    }
    if (ts.isElementAccessExpression(node) && isTop(unwrap(node.expression)) && !isWriteTarget(node)) {
      valueReads.push({ line: lineOf(node, sourceFile), name: (unwrap(node.expression) as ts.Identifier).text });
    } else if (ts.isPropertyAccessExpression(node) && isTop(unwrap(node.expression)) && !KEY_ONLY_MEMBERS.has(node.name.text) && !isWriteTarget(node)) {
      const parent = node.parent;
      // `REGISTRY.register(...)`/`.set(...)` write; every other member read reads a value.
      const isWriteCall = ts.isCallExpression(parent) && parent.expression === node && /^(set|add|delete|clear|register\w*)$/.test(node.name.text);
      if (!isWriteCall) valueReads.push({ line: lineOf(node, sourceFile), name: (unwrap(node.expression) as ts.Identifier).text });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Object' && /^(values|entries)$/.test(node.expression.name.text) && node.arguments[0] && isTop(unwrap(node.arguments[0]))) {
      valueReads.push({ line: lineOf(node, sourceFile), name: (unwrap(node.arguments[0]) as ts.Identifier).text });
    }
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const callee = effectiveCallee(node.expression);
      const isContainerRead = ts.isPropertyAccessExpression(callee) && CONTAINER_READS.has(callee.name.text);
      if (!isContainerRead) {
        const roots = rootsOf(callee);
        if (roots.size > 0) {
          const direct = ts.isIdentifier(callee) && topNames.has(callee.text) && !derived.has(callee.text);
          invocations.push({ line: lineOf(node, sourceFile), roots: [...roots].sort(), direct, construct: ts.isNewExpression(node) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return {
    name,
    line: lineOf(fn, sourceFile),
    async: isAsyncFunction(fn),
    reads: [...reads].sort(),
    invocations,
    valueReads,
    ...(selections.some((s) => s.branches.some((b) => b.reads.length > 0)) ? { selections } : {}),
  };
}

// Members that only tell which keys exist.
const KEY_ONLY_MEMBERS = new Set(['has', 'size', 'keys', 'length', 'hasOwnProperty']);

function isWriteTarget(node: ts.Expression): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** `x === 'openai'` / `'openai' == x`: what is compared and the string, else undefined. */
function stringComparison(test: ts.Expression): { on: ts.Expression; literal: string } | undefined {
  const expr = unwrap(test);
  if (!ts.isBinaryExpression(expr)) return undefined;
  const op = expr.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  if (ts.isStringLiteralLike(expr.right)) return { on: expr.left, literal: expr.right.text };
  if (ts.isStringLiteralLike(expr.left)) return { on: expr.right, literal: expr.left.text };
  return undefined;
}

function caseLabel(expression: ts.Expression, sourceFile: ts.SourceFile): string {
  const expr = unwrap(expression);
  return ts.isStringLiteralLike(expr) || ts.isNumericLiteral(expr) ? expr.text : expr.getText(sourceFile);
}
