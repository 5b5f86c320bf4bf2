import { ts } from '../project/typescript.cjs';
import type { DeclarationFact, ExportFact } from './module-facts.js';
import { commonJsExportTarget, effectiveCallee, lineOf, requireSpecifier, unwrap } from './expression-shapes.js';
import type { ModuleScope } from './imported-values.js';
import type { NameReference } from './name-references.js';

/** Finds the references inside a node (bound to the module's top-level names). */
export type ReferencesOf = (node: ts.Node) => NameReference[];

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);

const usesOf = (references: NameReference[], self: readonly string[] = []) =>
  [...new Set(references.map((r) => r.name))].filter((name) => !self.includes(name)).sort();

/** Every top-level declaration and the top-level names it references. */
export function collectDeclarations(scope: ModuleScope, referencesOf: ReferencesOf): DeclarationFact[] {
  const { sourceFile } = scope;
  const byName = new Map<string, DeclarationFact>();
  const add = (name: string, node: ts.Node, exported: boolean, declarationKind: DeclarationFact['declarationKind']) => {
    const uses = usesOf(referencesOf(node), [name]);
    const existing = byName.get(name);
    if (existing) {
      // Overloads and declaration merging: one name, several statements.
      existing.uses = [...new Set([...existing.uses, ...uses])].sort();
      existing.exported ||= exported;
      return;
    }
    byName.set(name, { name, line: lineOf(node, sourceFile), exported, declarationKind, uses });
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, statement, exported, 'function');
    else if (ts.isClassDeclaration(statement) && statement.name) add(statement.name.text, statement, exported, 'class');
    else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) add(statement.name.text, statement, exported, 'type');
    else if (ts.isEnumDeclaration(statement)) add(statement.name.text, statement, exported, 'enum');
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const isImport = !!declaration.initializer && scopeHasRequire(declaration.initializer);
        for (const element of namesWithNodes(declaration)) add(element, declaration, exported, isImport ? 'import' : 'variable');
      }
    }
  }
  for (const binding of scope.bindings.values()) {
    if (!byName.has(binding.local)) byName.set(binding.local, { name: binding.local, line: binding.line, exported: false, declarationKind: 'import', uses: [] });
  }
  return [...byName.values()];
}

function scopeHasRequire(initializer: ts.Expression): boolean {
  let inner = unwrap(initializer);
  while (ts.isPropertyAccessExpression(inner)) inner = unwrap(inner.expression);
  return requireSpecifier(inner) !== undefined;
}

function namesWithNodes(declaration: ts.VariableDeclaration): string[] {
  const names: string[] = [];
  const walk = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (ts.isBindingElement(element)) walk(element.name);
  };
  walk(declaration.name);
  return names;
}

/**
 * Exports of a module with what each uses: ESM `export` forms, re-exports (`export *`,
 * `export { a } from`), and CommonJS (`exports.x =`, `module.exports = {...}`, tsc's
 * `Object.defineProperty(exports, 'x', { get })` and `__exportStar(require('./x'), exports)`).
 */
export function collectExports(scope: ModuleScope, declarations: DeclarationFact[], referencesOf: ReferencesOf, options: { uses?: boolean } = {}): ExportFact[] {
  const { sourceFile } = scope;
  // Without `uses` (writer facts), no export's value is walked for them.
  const usesIn = (node: ts.Node, self?: readonly string[]) => (options.uses === false ? [] : usesOf(referencesOf(node), self));
  const declared = new Map(declarations.map((d) => [d.name, d]));
  const exports: ExportFact[] = [];
  const seen = new Set<string>();
  const push = (fact: ExportFact) => {
    // `exports.x = void 0` then `exports.x = x`: keep the first real definition of a name.
    if (seen.has(fact.name) && fact.name !== '*') return;
    seen.add(fact.name);
    exports.push(fact);
  };
  const usesOfLocal = (local: string): string[] => {
    const declaration = declared.get(local);
    const uses = declaration ? declaration.uses : [];
    return scope.bindings.has(local) ? [...new Set([local, ...uses])].sort() : uses;
  };
  const isTypeLocal = (local: string) => declared.get(local)?.declarationKind === 'type' || (scope.bindings.get(local)?.typeOnly ?? false);

  for (const statement of sourceFile.statements) {
    const line = lineOf(statement, sourceFile);
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ||
        hasModifier(statement, ts.SyntaxKind.DeclareKeyword);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          for (const name of namesWithNodes(declaration)) push({ name, typeOnly, line, uses: declared.get(name)?.uses ?? [] });
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement))) {
        const local = statement.name?.text;
        const uses = local ? declared.get(local)?.uses ?? [] : usesIn(statement);
        if (isDefault) push({ name: 'default', ...(local ? { local } : {}), typeOnly, line, uses });
        else if (local) push({ name: local, typeOnly, line, uses });
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      const expr = unwrap(statement.expression);
      const local = ts.isIdentifier(expr) ? expr.text : undefined;
      push({ name: 'default', ...(local ? { local } : {}), typeOnly: false, line, uses: local ? usesOfLocal(local) : usesIn(statement) });
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? scope.resolve(statement.moduleSpecifier.text) : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        push({ name: '*', typeOnly: statement.isTypeOnly, ...(from ? { from } : {}), line, uses: [] });
      } else if (ts.isNamespaceExport(clause)) {
        push({ name: clause.name.text, local: '*', typeOnly: statement.isTypeOnly, ...(from ? { from } : {}), line, uses: [] });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          const name = element.name.text;
          const typeOnly = statement.isTypeOnly || element.isTypeOnly || (!from && isTypeLocal(local));
          push({ name, ...(local !== name ? { local } : {}), typeOnly, ...(from ? { from } : {}), line, uses: from ? [] : usesOfLocal(local) });
        }
      }
      continue;
    }
    if (ts.isExpressionStatement(statement)) collectCommonJsExports(statement, line);
  }
  return exports;

  function collectCommonJsExports(statement: ts.ExpressionStatement, line: number): void {
    const expr = unwrap(statement.expression);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      // `exports.a = exports.b = void 0` declares names tsc defines later; skip the placeholders.
      let right = unwrap(expr.right);
      const targets = [commonJsExportTarget(expr.left)];
      while (ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        targets.push(commonJsExportTarget(right.left));
        right = unwrap(right.right);
      }
      if (ts.isVoidExpression(right)) return;
      for (const target of targets) {
        if (target === undefined) continue;
        if (target === '*' && ts.isObjectLiteralExpression(right)) {
          for (const property of right.properties) {
            if (ts.isShorthandPropertyAssignment(property)) {
              push({ name: property.name.text, typeOnly: false, line: lineOf(property, sourceFile), uses: usesOfLocal(property.name.text) });
            } else if (ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) {
              const name = property.name.getText(sourceFile).replace(/^['"]|['"]$/g, '');
              const value = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
              const local = value && ts.isIdentifier(value) ? value.text : undefined;
              const from = value ? requireSpecifier(value) : undefined;
              push({
                name,
                ...(local && local !== name ? { local } : {}),
                typeOnly: false,
                ...(from !== undefined ? { from: scope.resolve(from) } : {}),
                line: lineOf(property, sourceFile),
                uses: local ? usesOfLocal(local) : usesIn(property),
              });
            }
          }
          continue;
        }
        const local = ts.isIdentifier(right) ? right.text : ts.isFunctionExpression(right) || ts.isClassExpression(right) ? right.name?.text : undefined;
        const name = target === '*' ? 'default' : target;
        const from = requireSpecifier(right);
        push({
          name,
          ...(local && local !== name ? { local } : {}),
          typeOnly: false,
          ...(from !== undefined ? { from: scope.resolve(from), local: '*' } : {}),
          line,
          uses: ts.isIdentifier(right) ? usesOfLocal(right.text) : usesIn(right, [name]),
        });
      }
      return;
    }
    if (ts.isCallExpression(expr)) {
      const callee = effectiveCallee(expr.expression);
      const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (/^(__exportStar|__export)$/.test(calleeName) && expr.arguments[0]) {
        const specifier = requireSpecifier(expr.arguments[0]);
        if (specifier !== undefined) push({ name: '*', typeOnly: false, from: scope.resolve(specifier), line, uses: [] });
        return;
      }
      // tsc's re-export: Object.defineProperty(exports, "x", { enumerable: true, get: function () { return m_1.x; } })
      if (calleeName === 'defineProperty' && expr.arguments.length === 3) {
        const [target, key, descriptor] = expr.arguments as unknown as [ts.Expression, ts.Expression, ts.Expression];
        const targetNode = unwrap(target);
        if (!ts.isIdentifier(targetNode) || targetNode.text !== 'exports' || !ts.isStringLiteralLike(key) || key.text === '__esModule') return;
        const references = referencesOf(descriptor);
        const binding = references.map((r) => scope.bindings.get(r.name)).find((b) => b !== undefined);
        const member = references.find((r) => r.member)?.member;
        push({
          name: key.text,
          ...(member && member !== key.text ? { local: member } : {}),
          typeOnly: false,
          ...(binding ? { from: binding.module } : {}),
          line,
          uses: binding ? [] : usesOf(references),
        });
      }
    }
  }
}
