import { ts } from '../project/typescript.cjs';
import type { BuiltConst, ImportTimeRead } from './module-facts.js';

/**
 * Top-level `const x = <call or new>` declarations (one declarator, not `declare`), each with
 * the identifier the call chain starts from: `getEncoding(...)` -> getEncoding,
 * `z.object(...).strict()` -> z, `new Client()` -> Client.
 */
export function collectBuiltConsts(sourceFile: ts.SourceFile): BuiltConst[] {
  const found: BuiltConst[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    const exported = !!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (statement.declarationList.declarations.length !== 1) continue;
    const d = statement.declarationList.declarations[0]!;
    if (!ts.isIdentifier(d.name) || !d.initializer) continue;
    const root = calleeRoot(d.initializer);
    if (root) found.push({ name: d.name.text, exported, calleeRoot: root, line: sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1 });
  }
  return found;
}

/**
 * For each top-level statement that reads any of `names` while the module is imported: the
 * first line of each such read, and the one of `names` it declares, if it does. A read outside
 * any function counts; types (`typeof X`), function and method bodies, instance fields, export
 * lists and CommonJS exports of the name itself (`module.exports = { X }`, turned into getters
 * by a rewrite) do not.
 */
export function collectImportTimeReads(sourceFile: ts.SourceFile, names: ReadonlySet<string>): ImportTimeRead[] {
  const reads: ImportTimeRead[] = [];
  for (const statement of sourceFile.statements) {
    const found = new Map<string, number>();
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) {
        // A class's static members and computed keys run at import; its methods do not.
        if (ts.isClassLike(node)) for (const member of node.members) if (ts.isPropertyDeclaration(member) && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) visit(member);
        return;
      }
      if (ts.isTypeNode(node)) return; // `typeof Schema` is not a read
      // `module.exports = { encoder }`, `exports.encoder = encoder`: an export the rewrite turns into a getter.
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isCommonJsExportTarget(node.left)) {
        if (ts.isIdentifier(node.right) && names.has(node.right.text)) return;
        if (ts.isObjectLiteralExpression(node.right)) {
          for (const property of node.right.properties) {
            if (ts.isShorthandPropertyAssignment(property) && names.has(property.name.text)) continue;
            if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer) && names.has(property.initializer.text)) continue;
            visit(property);
          }
          return;
        }
      }
      if (ts.isIdentifier(node) && names.has(node.text) && !found.has(node.text)) {
        const parent = node.parent;
        const isDeclarationName = (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyAccessExpression(parent)) && (parent as { name?: ts.Node }).name === node;
        if (!isDeclarationName || ts.isShorthandPropertyAssignment(parent)) found.set(node.text, sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    if (ts.isExportDeclaration(statement)) continue; // `export { Schema }` names the binding the rewrite keeps as a getter
    if (found.size === 0) continue;
    let declares: string | undefined;
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const d = statement.declarationList.declarations[0]!;
      if (ts.isIdentifier(d.name) && names.has(d.name.text)) declares = d.name.text;
    }
    reads.push({ ...(declares ? { declares } : {}), reads: [...found].map(([name, line]) => ({ name, line })) });
  }
  return reads;
}

/** `module.exports`, `exports.x`, `module.exports.x`. */
function isCommonJsExportTarget(node: ts.Expression): boolean {
  const isModuleExports = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(node)) return true;
  return ts.isPropertyAccessExpression(node) && ((ts.isIdentifier(node.expression) && node.expression.text === 'exports') || isModuleExports(node.expression));
}

/** `getEncoding(...)` -> getEncoding, `z.object(...).strict()` -> z, `new Client()` -> Client. */
function calleeRoot(node: ts.Expression): string | undefined {
  let current: ts.Expression = node;
  for (;;) {
    if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current) || ts.isNewExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else break;
  }
  if (current === node) return undefined; // not a call: a literal or plain reference costs nothing
  return ts.isIdentifier(current) ? current.text : undefined;
}
