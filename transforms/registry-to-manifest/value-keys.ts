// One-argument register calls (`registerLanguage(require('./javascript'))`) take each key from
// the registered value (`languages.set(language.name, language)`). The key is known without
// loading anything when the provider's module exports an object literal whose key property is a
// string literal (`module.exports = { name: 'javascript', ... }`): read it from the source. The
// analyzer reads the same shapes (src/facts/literal-properties.ts).
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { jscodeshiftFor } from '../shared-lazy-loading/parser-for-file.js';
import type { BindingSource } from '../shared-lazy-loading/lazy-reference.js';
import { resolveRelativeModule } from '../shared-lazy-loading/resolve-relative-module.js';
import { registerKeyProperty } from './add-registry-loaders.js';

/** What a one-argument call's key is, or why it is not known. */
export type ValueKey = { key: string } | { reason: string };

/**
 * A reader of one-argument calls' keys, for calls in `file` through `registerFunction` of
 * `registryModule`. The registry module is read on the first one-argument call only.
 */
export function valueKeyReader(project: ProjectReader, file: string, registryModule: string | undefined, registerFunction: string | undefined): { keyOf: (source: BindingSource) => ValueKey } {
  let property: string | null | undefined;
  const keyProperty = (): string | null => {
    if (property !== undefined) return property;
    const registrySource = registryModule && registerFunction ? project.read(registryModule) : undefined;
    property = null;
    if (registrySource === undefined) return property;
    try {
      const j = jscodeshiftFor(registryModule!, registrySource);
      property = registerKeyProperty(j, j(registrySource), registerFunction!) ?? null;
    } catch {
      // An unparsable registry module: no key is known.
    }
    return property;
  };
  return {
    keyOf(source) {
      const key = keyProperty();
      if (key === null) return { reason: `${registerFunction ?? 'the register function'} does not store the value under a property of it (store.set(value.<key>, value))` };
      const path = resolveRelativeModule(file, source.module, project);
      const text = path === undefined ? undefined : project.read(path);
      if (path === undefined || text === undefined) return { reason: `${source.module} is not a module of the project` };
      try {
        const j = jscodeshiftFor(path, text);
        const value = literalExportProperty(j, j(text), source.imported, key);
        return value === undefined ? { reason: `${path} does not export a literal \`${key}\`` } : { key: value };
      } catch {
        return { reason: `${path} does not parse` };
      }
    },
  };
}

/**
 * The string literal at `property` of what `imported` names in a module: the object of
 * `module.exports = {...}` ('*' or 'default'), `export default {...}`, `export const X = {...}`,
 * or `exports.property = '...'` for the whole module.
 */
export function literalExportProperty(j: JSCodeshift, root: Collection, imported: string, property: string): string | undefined {
  let found: string | undefined;
  let assigned = 0;
  const fromObject = (object: any) => {
    if (object?.type !== 'ObjectExpression') return;
    for (const prop of object.properties) {
      if ((prop.type !== 'ObjectProperty' && prop.type !== 'Property') || prop.computed) continue;
      const name = prop.key.type === 'Identifier' ? prop.key.name : prop.key.value;
      if (name === property) {
        assigned += 1;
        found = literalString(prop.value);
      }
    }
  };
  for (const statement of root.find(j.Program).get().node.body as any[]) {
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=') {
      const { left, right } = statement.expression;
      if (isModuleExports(left) && (imported === '*' || imported === 'default')) fromObject(right);
      const onExports = left.type === 'MemberExpression' && !left.computed && (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports'));
      if (onExports && imported === '*' && left.property.name === property) {
        assigned += 1;
        found = literalString(right);
      }
      if (onExports && left.property.name === imported) fromObject(right);
    }
    if (statement.type === 'ExportDefaultDeclaration' && imported === 'default') fromObject(statement.declaration);
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration' && statement.declaration.kind === 'const') {
      for (const declarator of statement.declaration.declarations) if (declarator.id.type === 'Identifier' && declarator.id.name === imported) fromObject(declarator.init);
    }
  }
  // Set twice (`exports.name = 'a'; ... exports.name = 'b'`): not one static value.
  return assigned === 1 ? found : undefined;
}

const isModuleExports = (node: any) => node?.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'module' && node.property.name === 'exports';

function literalString(node: any): string | undefined {
  if (node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string')) return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}
