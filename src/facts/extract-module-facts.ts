import { ts } from '../project/typescript.cjs';
import { parseSource, type ParsedSources } from '../graph/parse-source.js';
import type { ModuleNode } from '../graph/module-graph.js';
import type { ModuleFacts, WriterFacts } from './module-facts.js';
import { collectImportBindings, type ResolveSpecifier } from './import-bindings.js';
import { collectReferences, type NameReference } from './name-references.js';
import type { ModuleScope } from './imported-values.js';
import { classifyStatements, declaredNames } from './classify-statements.js';
import { detectRegistries } from './detect-registries.js';
import { collectRegisterFunctions } from './register-functions.js';
import { collectDeclarations, collectExports } from './collect-exports.js';
import { collectFunctionFacts } from './function-facts.js';
import { commonJsExportTarget, unwrap } from './expression-shapes.js';
import { collectIgnoreComments, generatedBy } from './ignore-comments.js';
import { constantMemberValues } from './constant-keys.js';
import { topLevelAwaitLine } from './top-level-await.js';
import { collectNamespaceAssignments } from './namespace-assignments.js';
import { collectBuiltConsts, collectImportTimeReads } from './built-consts.js';
import { collectImportedWrites } from './object-writes.js';

/** Resolves specifiers through the graph's edges: the edge's target when resolved, else the specifier. */
export function resolverFor(node: Pick<ModuleNode, 'imports'>): ResolveSpecifier {
  const targets = new Map<string, string>();
  for (const edge of node.imports) if (edge.to && !targets.has(edge.specifier)) targets.set(edge.specifier, edge.to);
  return (specifier) => targets.get(specifier) ?? specifier;
}

/**
 * Facts of one module from its source text. `resolve` maps specifiers to module ids (see
 * {@link resolverFor}). Parses with `ts.createSourceFile` only: no program, no type checker.
 */
export function extractModuleFacts(
  id: string,
  fileName: string,
  text: string,
  resolve: ResolveSpecifier,
  format?: 'esm' | 'commonjs',
  sources?: ParsedSources,
): ModuleFacts {
  const sourceFile = parseSource(fileName, text, sources);
  const { importBindings, bindings, scope, topNames, commonJsExports } = moduleScopeOf(sourceFile, resolve);

  // Each declaration is walked once: its references serve its `uses` and the module-wide
  // binding usage alike (the 5,000-module benchmark pays for every extra walk).
  const referenceCache = new Map<ts.Node, NameReference[]>();
  const referencesOf = (node: ts.Node): NameReference[] => {
    let references = referenceCache.get(node);
    if (!references) {
      references = collectReferences(node, topNames, commonJsExports);
      referenceCache.set(node, references);
    }
    return references;
  };

  const { registries, registrationStatements } = detectRegistries(scope);
  const statements = classifyStatements(scope, registrationStatements);
  const declarations = collectDeclarations(scope, referencesOf);
  const exports = collectExports(scope, declarations, referencesOf);
  const functions = collectFunctionFacts(sourceFile, topNames);
  const registerFunctions = collectRegisterFunctions(sourceFile);
  const allReferences = sourceFile.statements.flatMap((statement) =>
    ts.isVariableStatement(statement) ? statement.declarationList.declarations.flatMap(referencesOf) : referencesOf(statement),
  );

  const ignoreComments = collectIgnoreComments(sourceFile);
  const generator = generatedBy(text);
  const topLevelAwait = topLevelAwaitLine(sourceFile);
  const sideEffectImports = sideEffectImportsOf(sourceFile, resolve);
  const namespaceAssignments = collectNamespaceAssignments(sourceFile, bindings);
  const builtConsts = collectBuiltConsts(sourceFile);
  const importTimeReads = builtConsts.length > 0 ? collectImportTimeReads(sourceFile, new Set(builtConsts.map((c) => c.name))) : [];
  const importedWrites = collectImportedWrites(sourceFile, bindings, resolve);
  const byName = new Map<string, NameReference[]>();
  for (const reference of allReferences) {
    const list = byName.get(reference.name) ?? [];
    list.push(reference);
    byName.set(reference.name, list);
  }
  return {
    id,
    statements,
    exports,
    registries,
    bindings: importBindings.map((binding) => {
      const references = byName.get(binding.local) ?? [];
      const valueReferences = references.filter((r) => !r.inType);
      const members = binding.imported === '*' || binding.imported === 'default'
        ? [...new Set(references.map((r) => r.member).filter((m): m is string => !!m))].sort()
        : undefined;
      return {
        local: binding.local,
        module: binding.module,
        specifier: binding.specifier,
        via: binding.via,
        imported: binding.imported,
        typeOnly: binding.typeOnly,
        usedOnlyInFunctions: valueReferences.every((r) => r.inFunction),
        usedOnlyAsType: references.length > 0 && valueReferences.length === 0,
        line: binding.line,
        ...(members && members.length > 0 ? { members } : {}),
      };
    }),
    ...(format ? { format } : {}),
    declarations,
    functions,
    ...(ignoreComments.length > 0 ? { ignoreComments } : {}),
    ...(generator ? { generatedBy: generator } : {}),
    ...(registerFunctions.length > 0 && { registerFunctions }),
    ...(topLevelAwait !== undefined && { topLevelAwait }),
    ...(sideEffectImports.length > 0 && { sideEffectImports }),
    ...(namespaceAssignments.length > 0 && { namespaceAssignments }),
    ...(builtConsts.length > 0 && { builtConsts }),
    ...(importTimeReads.length > 0 && { importTimeReads }),
    ...(importedWrites.length > 0 && { importedWrites }),
    ...classBasesOf(sourceFile, bindings),
  };
}

/** The module's import bindings and top-level names, which every walk of the facts reads. */
function moduleScopeOf(sourceFile: ts.SourceFile, resolve: ResolveSpecifier) {
  const importBindings = collectImportBindings(sourceFile, resolve);
  const bindings = new Map(importBindings.map((b) => [b.local, b]));
  const localNames = new Set<string>();
  for (const statement of sourceFile.statements) for (const name of declaredNames(statement)) if (!bindings.has(name)) localNames.add(name);
  const scope: ModuleScope = { sourceFile, bindings, resolve, localNames, constants: constantMemberValues(sourceFile) };
  const topNames = new Set([...localNames, ...bindings.keys()]);
  return { importBindings, bindings, scope, topNames, commonJsExports: commonJsExportNames(sourceFile) };
}

/**
 * The {@link WriterFacts} of one module: of {@link extractModuleFacts}, only the walks they need
 * (import bindings, exports, writes through the bindings), the same values. Most of a project's
 * files outside the entry's reach (tests, alternate builds) are read for these alone.
 */
export function extractWriterFacts(id: string, fileName: string, text: string, resolve: ResolveSpecifier): WriterFacts {
  const sourceFile = parseSource(fileName, text);
  const { importBindings, bindings, scope, topNames, commonJsExports } = moduleScopeOf(sourceFile, resolve);
  // The declarations' kinds (a local type exported is type-only), not their `uses`: no declaration
  // is walked for references, and only a getter's descriptor is (the binding a tsc re-export reads).
  const declarations = collectDeclarations(scope, () => []);
  const referencesOf = (node: ts.Node) => collectReferences(node, topNames, commonJsExports);
  const exports = collectExports(scope, declarations, referencesOf, { uses: false }).map(({ uses: _uses, ...exported }) => exported);
  const importedWrites = collectImportedWrites(sourceFile, bindings, resolve);
  return {
    id,
    exports,
    bindings: importBindings.map(({ local, module, specifier, via, imported, typeOnly, line }) => ({ local, module, specifier, via, imported, typeOnly, line })),
    ...(importedWrites.length > 0 && { importedWrites }),
  };
}

/** `import './x';` and a bare `require('./x');` statement: loaded for what loading them does. */
function sideEffectImportsOf(sourceFile: ts.SourceFile, resolve: ResolveSpecifier): NonNullable<ModuleFacts['sideEffectImports']> {
  const found: NonNullable<ModuleFacts['sideEffectImports']> = [];
  for (const statement of sourceFile.statements) {
    let specifier: string | undefined;
    if (ts.isImportDeclaration(statement) && !statement.importClause && ts.isStringLiteral(statement.moduleSpecifier)) specifier = statement.moduleSpecifier.text;
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    if (expression && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'require' && expression.arguments.length === 1 && ts.isStringLiteral(expression.arguments[0]!)) {
      specifier = (expression.arguments[0] as ts.StringLiteral).text;
    }
    if (specifier !== undefined) found.push({ module: resolve(specifier), line: sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1 });
  }
  return found;
}

/** Top-level classes extending an import binding (`class P extends OpenAI`, `extends sdk.Client`). */
function classBasesOf(sourceFile: ts.SourceFile, bindings: ReadonlyMap<string, unknown>): Pick<ModuleFacts, 'classBases'> {
  const found: NonNullable<ModuleFacts['classBases']> = [];
  for (const statement of sourceFile.statements) {
    const classes = ts.isClassDeclaration(statement) ? [statement]
      : ts.isVariableStatement(statement) ? statement.declarationList.declarations.map((d) => d.initializer && unwrap(d.initializer)).filter((e): e is ts.ClassExpression => !!e && ts.isClassExpression(e))
      : [];
    for (const cls of classes) {
      const heritage = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (!heritage) continue;
      let root: ts.Expression = unwrap(heritage.expression);
      while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
      const name = cls.name?.text ?? (ts.isVariableDeclaration(cls.parent) && ts.isIdentifier(cls.parent.name) ? cls.parent.name.text : undefined);
      if (name && ts.isIdentifier(root) && bindings.has(root.text)) {
        found.push({ name, base: root.text, line: sourceFile.getLineAndCharacterOfPosition(cls.getStart(sourceFile)).line + 1 });
      }
    }
  }
  return found.length > 0 ? { classBases: found } : {};
}

/** Names a CommonJS module assigns to `exports.x` (it then reads them back as `exports.x`). */
function commonJsExportNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    let expr = unwrap(statement.expression);
    while (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = commonJsExportTarget(expr.left);
      if (target && target !== '*') names.add(target);
      expr = unwrap(expr.right);
    }
  }
  return names;
}
