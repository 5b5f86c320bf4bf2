// The literal values of a file's string enums and `as const` objects, so a computed key written
// `[Providers.OPENAI]` reads as the string it always is ('openai'). The analyzer does the same
// on its own syntax tree (src/facts/constant-keys.ts); both accept exactly these shapes.
import type { Collection, JSCodeshift } from 'jscodeshift';

/** `Providers.OPENAI -> 'openai'` for every `enum` member with a literal value and every member of a frozen object literal. */
export function constantMemberValues(j: JSCodeshift, root: Collection): Map<string, string> {
  const values = new Map<string, string>();
  const program = root.find(j.Program).get().node;
  for (const raw of program.body as any[]) {
    const statement = raw.type === 'ExportNamedDeclaration' && raw.declaration ? raw.declaration : raw;
    if (statement.type === 'TSEnumDeclaration') {
      for (const member of statement.members ?? statement.body?.members ?? []) {
        const name = member.id?.type === 'Identifier' ? member.id.name : member.id?.value;
        const value = literalValue(member.initializer);
        if (typeof name === 'string' && value !== undefined) values.set(`${statement.id.name}.${name}`, value);
      }
    }
    if (statement.type === 'VariableDeclaration' && statement.kind === 'const') {
      for (const declarator of statement.declarations) {
        if (declarator.id?.type !== 'Identifier') continue;
        const object = frozenObject(declarator.init);
        for (const property of object?.properties ?? []) {
          if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) continue;
          const name = property.key.type === 'Identifier' ? property.key.name : property.key.value;
          const value = literalValue(property.value);
          if (typeof name === 'string' && value !== undefined) values.set(`${declarator.id.name}.${name}`, value);
        }
      }
    }
  }
  return values;
}

/** The string a computed key `Enum.MEMBER` / `Enum['MEMBER']` stands for, when `constants` knows it. */
export function constantKeyValue(node: any, constants: ReadonlyMap<string, string>): string | undefined {
  const expr = stripTypes(node);
  if (expr?.type !== 'MemberExpression' || expr.object.type !== 'Identifier') return undefined;
  const member = !expr.computed && expr.property.type === 'Identifier' ? expr.property.name : literalValue(expr.property);
  return member === undefined ? undefined : constants.get(`${expr.object.name}.${member}`);
}

function literalValue(node: any): string | undefined {
  const expr = stripTypes(node);
  if (expr?.type === 'StringLiteral' || expr?.type === 'NumericLiteral') return String(expr.value);
  if (expr?.type === 'Literal' && (typeof expr.value === 'string' || typeof expr.value === 'number')) return String(expr.value);
  if (expr?.type === 'TemplateLiteral' && expr.expressions.length === 0) return expr.quasis[0].value.cooked;
  return undefined;
}

function stripTypes(node: any): any {
  let current = node;
  while (current && (current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression' || (current.type === 'TSAsExpression' && !isConstAssertion(current)))) current = current.expression;
  return current;
}

const isConstAssertion = (node: any) => node.type === 'TSAsExpression' && node.typeAnnotation?.type === 'TSTypeReference' && node.typeAnnotation.typeName?.name === 'const';

/** `{ ... } as const` or `Object.freeze({ ... })`: members that cannot change after the declaration. */
function frozenObject(init: any): any {
  let node = init;
  while (node && (node.type === 'TSSatisfiesExpression' || node.type === 'ParenthesizedExpression')) node = node.expression;
  if (node && isConstAssertion(node) && node.expression.type === 'ObjectExpression') return node.expression;
  if (node?.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.name === 'Object' && node.callee.property.name === 'freeze' && node.arguments[0]?.type === 'ObjectExpression') {
    return node.arguments[0];
  }
  return undefined;
}
