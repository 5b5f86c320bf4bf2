import { ts } from '../project/typescript.cjs';
import { lineOf, requireMember, requireSpecifier } from './expression-shapes.js';

/** One local name bound to something another module exports. */
export interface ImportBinding {
  local: string;
  /** Resolved module id, or the specifier when the graph could not resolve it. */
  module: string;
  specifier: string;
  /** `default`, `*` or an export name. */
  imported: string;
  typeOnly: boolean;
  line: number;
  /** How it was bound: ESM import or CommonJS require. */
  via: 'import' | 'require';
}

/** Maps a specifier as written to a module id (the graph's edge target when resolved). */
export type ResolveSpecifier = (specifier: string) => string;

/**
 * Import bindings of a module's top level: ESM imports, `import x = require()`, and CommonJS
 * `const x = require('y')`, `const { a, b: c } = require('y')`, `const X = require('y').X`.
 */
export function collectImportBindings(sourceFile: ts.SourceFile, resolve: ResolveSpecifier): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of sourceFile.statements) {
    const line = () => lineOf(statement, sourceFile);
    if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      const module = resolve(specifier);
      const base = { module, specifier, line: line(), via: 'import' as const };
      if (clause.name) bindings.push({ ...base, local: clause.name.text, imported: 'default', typeOnly: clause.isTypeOnly });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) {
        bindings.push({ ...base, local: named.name.text, imported: '*', typeOnly: clause.isTypeOnly });
      } else if (named) {
        for (const element of named.elements) {
          bindings.push({
            ...base,
            local: element.name.text,
            imported: (element.propertyName ?? element.name).text,
            typeOnly: clause.isTypeOnly || element.isTypeOnly,
          });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expr = statement.moduleReference.expression;
      if (ts.isStringLiteralLike(expr)) {
        bindings.push({
          local: statement.name.text,
          module: resolve(expr.text),
          specifier: expr.text,
          imported: '*',
          typeOnly: statement.isTypeOnly,
          line: line(),
          via: 'require',
        });
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!declaration.initializer) continue;
        const specifier = requireSpecifier(declaration.initializer);
        const member = specifier === undefined ? requireMember(declaration.initializer) : undefined;
        const spec = specifier ?? member?.specifier;
        if (spec === undefined) continue;
        const module = resolve(spec);
        const base = { module, specifier: spec, line: line(), via: 'require' as const, typeOnly: false };
        if (ts.isIdentifier(declaration.name)) {
          bindings.push({ ...base, local: declaration.name.text, imported: member?.member ?? '*' });
        } else if (ts.isObjectBindingPattern(declaration.name) && !member) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
            const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            bindings.push({ ...base, local: element.name.text, imported });
          }
        }
      }
    }
  }
  return bindings;
}
