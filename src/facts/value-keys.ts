import { readFileSync } from 'node:fs';
import { ts } from '../project/typescript.cjs';
import type { ModuleGraph } from '../graph/module-graph.js';
import { parseSource, type ParsedSources } from '../graph/parse-source.js';
import { ONE_ARGUMENT_REASON } from './detect-registries.js';
import { commonJsExportTarget, unwrap } from './expression-shapes.js';
import type { ModuleFacts, RegistryFact } from './module-facts.js';

/**
 * One-argument register calls (`registerLanguage(require('./javascript'))`) are found per module
 * without keys: the register function takes each key from the value. Across modules the key is
 * often static: the function stores `languages.set(language.name, language)`, and the value's
 * module exports `{ name: 'javascript', ... }`. Then the entries get those keys and the registry
 * can become a manifest; otherwise the blocker says which module hides its key. The transform
 * reads the same shapes (transforms/registry-to-manifest/value-keys.ts).
 */
export function resolveValueKeys(facts: Record<string, ModuleFacts>, graph: ModuleGraph, sources?: ParsedSources): void {
  for (const [id, moduleFacts] of Object.entries(facts)) {
    for (const registry of moduleFacts.registries) {
      const blocker = registry.blockers.findIndex((b) => b.endsWith(ONE_ARGUMENT_REASON));
      if (registry.shape !== 'register-calls' || blocker < 0) continue;
      const fn = registerFunctionOf(id, registry, facts);
      if (!fn?.keyProperty) continue;
      const keyless = registry.entries.filter((e) => e.key === undefined);
      const keys = keyless.map((entry) => (entry.module && entry.export ? literalExportProperty(entry.module, entry.export, fn.keyProperty!, graph, sources) : undefined));
      const missing = keyless.findIndex((_, i) => keys[i] === undefined);
      if (missing >= 0) {
        const entry = keyless[missing]!;
        registry.blockers[blocker] = `${registry.callee ?? registry.name}(...) at line ${entry.line} takes its key from the registered value (${fn.value}.${fn.keyProperty}), and ${entry.module ?? 'its module'} does not export a literal \`${fn.keyProperty}\`: the keys are only known by loading each module`;
        continue;
      }
      keyless.forEach((entry, i) => (entry.key = keys[i]));
      registry.blockers.splice(blocker, 1);
    }
  }
}

/** The register function a register-calls registry calls, from its module's facts (imported or local). */
function registerFunctionOf(id: string, registry: RegistryFact, facts: Record<string, ModuleFacts>) {
  const callee = registry.callee ?? registry.name;
  const [root, ...rest] = callee.split('.');
  const binding = facts[id]?.bindings.find((b) => b.local === root);
  const home = binding ? facts[binding.module] : facts[id];
  const name = rest.length > 0 ? rest[rest.length - 1]! : binding && binding.imported !== '*' && binding.imported !== 'default' ? binding.imported : root!;
  return home?.registerFunctions?.find((f) => f.name === name);
}

/**
 * The string literal at `property` of what `imported` names in `module`: the object of
 * `module.exports = {...}` ('*' or 'default'), `export default {...}`, `export const X = {...}`,
 * or `exports.property = '...'` for the whole module. Undefined when it is set more than once.
 */
function literalExportProperty(module: string, imported: string, property: string, graph: ModuleGraph, sources?: ParsedSources): string | undefined {
  const file = graph.modules[module]?.file;
  if (!file) return undefined;
  let text: string;
  try {
    text = sources?.get(file)?.text ?? readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const sourceFile = parseSource(file, text, sources);
  let found: string | undefined;
  let assigned = 0;
  const fromObject = (expression: ts.Expression | undefined) => {
    const object = expression && unwrap(expression);
    if (!object || !ts.isObjectLiteralExpression(object)) return;
    for (const prop of object.properties) {
      if (!ts.isPropertyAssignment(prop) || ts.isComputedPropertyName(prop.name)) continue;
      const name = ts.isIdentifier(prop.name) || ts.isStringLiteralLike(prop.name) ? prop.name.text : undefined;
      if (name !== property) continue;
      assigned += 1;
      const value = unwrap(prop.initializer);
      found = ts.isStringLiteralLike(value) ? value.text : undefined;
    }
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = statement.expression;
      const target = commonJsExportTarget(left);
      if (target === '*' && (imported === '*' || imported === 'default')) fromObject(right);
      if (target === property && imported === '*') {
        assigned += 1;
        const value = unwrap(right);
        found = ts.isStringLiteralLike(value) ? value.text : undefined;
      }
      if (target !== undefined && target !== '*' && target === imported) fromObject(right);
    }
    if (ts.isExportAssignment(statement) && !statement.isExportEquals && imported === 'default') fromObject(statement.expression);
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && declaration.name.text === imported) fromObject(declaration.initializer);
    }
  }
  return assigned === 1 ? found : undefined;
}
