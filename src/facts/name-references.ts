import { ts } from '../project/typescript.cjs';
import { boundNames, isFunctionLike, isImmediatelyInvoked } from './expression-shapes.js';

/** One reference to a top-level name of the module. */
export interface NameReference {
  name: string;
  /** Offset of the identifier (its full start, leading trivia included). */
  pos: number;
  /** Inside a function body (or a non-static class field): runs only when called. */
  inFunction: boolean;
  /** In a type position (erased at runtime). */
  inType: boolean;
  /** For `name.member`: the member read. */
  member?: string;
}

/**
 * References to the module's top-level names under `root`, skipping names shadowed by a
 * parameter or local of an enclosing function. `exports.x` counts as a reference to `x` when
 * `x` is in `commonJsExports` (CommonJS modules read their own exports that way).
 */
export function collectReferences(
  root: ts.Node,
  topNames: ReadonlySet<string>,
  commonJsExports: ReadonlySet<string> = new Set(),
): NameReference[] {
  const references: NameReference[] = [];
  const shadowStack: Array<Set<string>> = [];

  const isShadowed = (name: string) => shadowStack.some((scope) => scope.has(name));

  const visit = (node: ts.Node, inFunction: boolean, inType: boolean): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isExportDeclaration(node)) {
      // `export { a as b }` without `from` reads the local `a` at the top level.
      if (!node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const element of node.exportClause.elements) {
          const local = (element.propertyName ?? element.name) as ts.Identifier;
          if (topNames.has(local.text)) {
            references.push({ name: local.text, pos: local.pos, inFunction, inType: inType || node.isTypeOnly || element.isTypeOnly });
          }
        }
      }
      return;
    }
    let nextInType = inType;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) nextInType = true;
    else if (ts.isTypeNode(node) && !isClassExtendsExpression(node)) nextInType = true;

    if (ts.isIdentifier(node)) {
      const name = node.text;
      if (topNames.has(name) && isReference(node) && !isShadowed(name)) {
        const parent = node.parent;
        const member = parent && ts.isPropertyAccessExpression(parent) && parent.expression === node ? parent.name.text : undefined;
        references.push({ name, pos: node.pos, inFunction, inType: nextInType, member });
      } else if (name === 'exports' && commonJsExports.size > 0 && !isShadowed(name)) {
        const parent = node.parent;
        if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === node && commonJsExports.has(parent.name.text)) {
          // Writes (`exports.x = ...`) are the definition, not a use.
          const grand = parent.parent;
          const isWrite = grand && ts.isBinaryExpression(grand) && grand.left === parent && grand.operatorToken.kind === ts.SyntaxKind.EqualsToken;
          if (!isWrite) references.push({ name: parent.name.text, pos: parent.pos, inFunction, inType: nextInType });
        }
      }
      return;
    }

    if (isFunctionLike(node)) {
      shadowStack.push(functionScopeNames(node));
      // An immediately invoked function runs where it stands.
      const runsLater = inFunction || !isImmediatelyInvoked(node);
      ts.forEachChild(node, (child) => visit(child, runsLater, nextInType));
      shadowStack.pop();
      return;
    }
    if (ts.isPropertyDeclaration(node) && node.initializer && !hasStaticModifier(node)) {
      // Instance fields initialise when the class is constructed, not when the module loads.
      ts.forEachChild(node, (child) => visit(child, child === node.initializer ? true : inFunction, nextInType));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, inFunction, nextInType));
  };

  visit(root, false, false);
  return references;
}

function hasStaticModifier(node: ts.PropertyDeclaration): boolean {
  return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

/** `class A extends B` evaluates `B` at runtime, unlike `implements` and interface `extends`. */
function isClassExtendsExpression(node: ts.Node): boolean {
  if (!ts.isExpressionWithTypeArguments(node)) return false;
  const clause = node.parent;
  return (
    ts.isHeritageClause(clause) &&
    clause.token === ts.SyntaxKind.ExtendsKeyword &&
    (ts.isClassDeclaration(clause.parent) || ts.isClassExpression(clause.parent))
  );
}

/** Parameters and locals of a function, which shadow top-level names of the same name. */
function functionScopeNames(fn: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  for (const parameter of fn.parameters) for (const name of boundNames(parameter.name)) names.add(name);
  if (ts.isFunctionExpression(fn) && fn.name) names.add(fn.name.text);
  const scan = (node: ts.Node): void => {
    if (isFunctionLike(node) || ts.isClassLike(node)) {
      if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) names.add(node.name.text);
      return;
    }
    if (ts.isVariableDeclaration(node)) for (const name of boundNames(node.name)) names.add(name);
    if (ts.isCatchClause(node) && node.variableDeclaration) for (const name of boundNames(node.variableDeclaration.name)) names.add(name);
    ts.forEachChild(node, scan);
  };
  if (fn.body) scan(fn.body);
  return names;
}

/** False for identifiers that name a declaration or a property rather than read a binding. */
export function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id;
  if (ts.isQualifiedName(parent)) return parent.left === id;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === id;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isBindingElement(parent)) return parent.initializer === id;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) return parent.initializer === id;
  if (ts.isEnumMember(parent)) return parent.initializer === id;
  if (
    ts.isFunctionDeclaration(parent) ||
    ts.isFunctionExpression(parent) ||
    ts.isClassDeclaration(parent) ||
    ts.isClassExpression(parent) ||
    ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isModuleDeclaration(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isTypeParameterDeclaration(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportEqualsDeclaration(parent) ||
    ts.isJsxAttribute(parent) ||
    ts.isNamedTupleMember(parent)
  ) {
    return false;
  }
  return true;
}
