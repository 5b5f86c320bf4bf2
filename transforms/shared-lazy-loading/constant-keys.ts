// The literal values of a file's string enums and `as const` objects, so a computed key written
// `[Providers.OPENAI]` reads as the string it always is ('openai'). The analyzer does the same
// on its own syntax tree (src/facts/constant-keys.ts); both accept exactly these shapes.
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { jscodeshiftFor } from './parser-for-file.js';
import { resolveRelativeModule } from './resolve-relative-module.js';

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

/**
 * The literal members of enums and `as const` objects that `file` imports by name from a module
 * of the project (`import { Providers } from './enums'`), under the local name:
 * `Providers.OPENAI -> 'openai'`. Only what that module declares and exports itself counts (the
 * analyzer reads the same: src/facts/imported-keys.ts).
 */
export function importedConstantValues(j: JSCodeshift, root: Collection, file: string, project: ProjectReader): Map<string, string> {
  const values = new Map<string, string>();
  // Only the imports a computed key reads from (`[Providers.OPENAI]`): a registry file imports
  // many providers, and reading each one's module to find no enum would cost a parse apiece.
  const owners = new Set<string>();
  root.find(j.MemberExpression).forEach((path) => {
    const parent = path.parent?.node;
    if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property' || parent?.type === 'ObjectMethod') && parent.computed && parent.key === path.node && path.node.object.type === 'Identifier') owners.add(path.node.object.name);
  });
  if (owners.size === 0) return values;
  root.find(j.ImportDeclaration).forEach((path) => {
    const node = path.node as any;
    const specifier = String(node.source.value);
    if (node.importKind === 'type' || !specifier.startsWith('.')) return;
    const named = (node.specifiers ?? []).filter((s: any) => s.type === 'ImportSpecifier' && s.importKind !== 'type' && owners.has(s.local.name));
    if (named.length === 0) return;
    const target = resolveRelativeModule(file, specifier, project);
    const text = target === undefined ? undefined : project.read(target);
    if (target === undefined || text === undefined) return;
    let declared: Map<string, string>;
    let exported: Map<string, string>;
    try {
      const k = jscodeshiftFor(target, text);
      const targetRoot = k(text);
      declared = constantMemberValues(k, targetRoot);
      exported = exportedLocals(k, targetRoot);
    } catch {
      return;
    }
    for (const spec of named) {
      const imported = String(spec.imported.name ?? spec.imported.value);
      const local = exported.get(imported);
      if (local === undefined) continue;
      for (const [key, value] of declared) if (key.startsWith(`${local}.`)) values.set(`${spec.local.name}${key.slice(local.length)}`, value);
    }
  });
  return values;
}

/** Exported name -> local declaration name, for declarations the module exports itself (`export enum`, `export const`, `export { A as B }`). */
function exportedLocals(j: JSCodeshift, root: Collection): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of root.find(j.Program).get().node.body as any[]) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source) continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'TSEnumDeclaration') names.set(declaration.id.name, declaration.id.name);
    if (declaration?.type === 'VariableDeclaration') for (const d of declaration.declarations) if (d.id?.type === 'Identifier') names.set(d.id.name, d.id.name);
    for (const spec of statement.specifiers ?? []) {
      if (spec.type === 'ExportSpecifier' && spec.local?.type === 'Identifier') names.set(String(spec.exported.name ?? spec.exported.value), spec.local.name);
    }
  }
  return names;
}
