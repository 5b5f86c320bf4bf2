import { ts } from '../project/typescript.cjs';
import { unwrap } from './expression-shapes.js';

/**
 * The literal values of a module's string enums and frozen constant objects, by member path:
 * `enum Providers { OPENAI = 'openai' }` and `const Providers = { OPENAI: 'openai' } as const`
 * (or `Object.freeze({ ... })`) both give `Providers.OPENAI -> 'openai'`. A computed key
 * `[Providers.OPENAI]` is then as static as `'openai'`: its value is known without running code.
 * A plain `const` object is left out: its members can be reassigned before the key is read.
 */
export function constantMemberValues(sourceFile: ts.SourceFile): Map<string, string> {
  const values = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (ts.isEnumDeclaration(statement)) {
      for (const member of statement.members) {
        const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
        const init = member.initializer && unwrap(member.initializer);
        // Only explicit literals: an auto-numbered member's value depends on the members before it.
        if (name !== undefined && init && (ts.isStringLiteralLike(init) || ts.isNumericLiteral(init))) values.set(`${statement.name.text}.${name}`, init.text);
      }
    }
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const object = frozenObject(declaration.initializer);
        if (!object) continue;
        for (const property of object.properties) {
          if (!ts.isPropertyAssignment(property) || ts.isComputedPropertyName(property.name)) continue;
          const value = unwrap(property.initializer);
          const name = ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name) ? property.name.text : undefined;
          if (name !== undefined && (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value))) values.set(`${declaration.name.text}.${name}`, value.text);
        }
      }
    }
  }
  return values;
}

/** `{ ... } as const` or `Object.freeze({ ... })`: an object whose members cannot change. */
function frozenObject(initializer: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let node = initializer;
  while (ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  if (ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const') {
    const inner = unwrap(node.expression);
    return ts.isObjectLiteralExpression(inner) ? inner : undefined;
  }
  if (ts.isCallExpression(node) && node.expression.getText() === 'Object.freeze' && node.arguments.length === 1) {
    const inner = unwrap(node.arguments[0]!);
    return ts.isObjectLiteralExpression(inner) ? inner : undefined;
  }
  return undefined;
}

/** The value of a computed key written as `Enum.MEMBER` / `Enum['MEMBER']`, when `constants` knows it. */
export function constantKeyValue(expression: ts.Expression, constants: ReadonlyMap<string, string>): string | undefined {
  const expr = unwrap(expression);
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) return constants.get(`${expr.expression.text}.${expr.name.text}`);
  if (ts.isElementAccessExpression(expr) && ts.isIdentifier(expr.expression) && ts.isStringLiteralLike(expr.argumentExpression)) {
    return constants.get(`${expr.expression.text}.${expr.argumentExpression.text}`);
  }
  return undefined;
}
