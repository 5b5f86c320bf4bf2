import { ts } from '../project/typescript.cjs';
import type { ModuleFacts } from './module-facts.js';
import type { ImportBinding } from './import-bindings.js';
import { calleeText, lineOf, unwrap } from './expression-shapes.js';

/**
 * Top-level `B.Key = value;` where `B` is a whole imported module (`var AWS = require('../lib/core')`,
 * `import * as ns`): the module puts a value on another module's export, as each aws-sdk v2 client
 * does (`AWS.S3 = Service.defineService('s3', [...])`). `valueCallee` names the call that builds the
 * value (its effects run with the assignment), when the value is a call or `new`.
 */
export function collectNamespaceAssignments(sourceFile: ts.SourceFile, bindings: ReadonlyMap<string, ImportBinding>): NonNullable<ModuleFacts['namespaceAssignments']> {
  const found: NonNullable<ModuleFacts['namespaceAssignments']> = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expr = unwrap(statement.expression);
    if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = unwrap(expr.left);
    if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || !ts.isIdentifier(target.name)) continue;
    const binding = bindings.get(target.expression.text);
    if (!binding || binding.typeOnly || (binding.imported !== '*' && binding.imported !== 'default')) continue;
    const value = unwrap(expr.right);
    const callee = ts.isCallExpression(value) || ts.isNewExpression(value) ? calleeText(value.expression, sourceFile) : undefined;
    found.push({
      module: binding.module,
      object: target.expression.text,
      key: target.name.text,
      line: lineOf(statement, sourceFile),
      ...(callee !== undefined && { valueCallee: callee }),
    });
  }
  return found;
}
