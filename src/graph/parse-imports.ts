import { ts } from '../project/typescript.cjs';
import type { EdgeKind } from './module-graph.js';
import { parseSource, type ParsedSources } from './parse-source.js';

/** One runtime import as written in a file, before resolution. */
export interface ImportRecord {
  specifier: string;
  kind: EdgeKind;
  lazy: boolean;
  /** 1-based line. */
  line: number;
  /** Bound names: `default`, `*` or export names; empty for side-effect imports. */
  names: string[];
}

/** What a file's syntax says about its runtime imports. */
export interface ParsedImports {
  imports: ImportRecord[];
  /** Syntax errors TS reported while parsing (the file is still scanned as far as it parsed). */
  parseErrors: Array<{ message: string; line: number; column: number }>;
}

export interface ParseImportsOptions {
  /**
   * Drop imports whose bindings are only used in type positions, as tsc does for
   * TypeScript files unless `verbatimModuleSyntax` is on.
   */
  elideTypeOnlyUses: boolean;
  /**
   * Keep `import { type A } from './x'` as a side-effect import (`import {} from './x'`),
   * as tsc does under `verbatimModuleSyntax`. `import type` is erased either way.
   */
  keepTypeOnlySpecifierLists?: boolean;
  /** This run's syntax trees: the tree is kept there for the facts stage to reuse. */
  sources?: ParsedSources;
}

/**
 * Finds a file's runtime imports with one syntax-only pass (`ts.createSourceFile`, no
 * program, no type checker: this runs on every module of the graph and has to be fast).
 * Type-only imports and re-exports are not runtime imports; `import()` and a `require()`
 * inside a function body are lazy.
 */
export function parseImports(file: string, text: string, options: ParseImportsOptions): ParsedImports {
  const source = parseSource(file, text, options.sources);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const imports: ImportRecord[] = [];
  // Import declarations whose bindings may be elided, checked after the usage walk.
  const pendingImports: Array<{ record: ImportRecord; bindings: Array<{ local: string; name: string }> }> = [];
  const valueUses = new Set<string>();
  // Arrow functions and function expressions called where they are defined run right away.
  const invokedInPlace = new Set<ts.Node>();
  // Names a require()/import() result is destructured or accessed into: `const { a } = require('x')`.
  const boundNames = new Map<ts.Node, string[]>();

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = stringLiteral(statement.moduleSpecifier);
      if (specifier === undefined) continue;
      const line = lineOf(statement.getStart(source));
      const clause = statement.importClause;
      if (!clause) {
        imports.push({ specifier, kind: 'side-effect', lazy: false, line, names: [] });
        continue;
      }
      if (clause.isTypeOnly) continue;
      const bindings: Array<{ local: string; name: string }> = [];
      if (clause.name) bindings.push({ local: clause.name.text, name: 'default' });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.push({ local: named.name.text, name: '*' });
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if (element.isTypeOnly) continue;
          bindings.push({ local: element.name.text, name: (element.propertyName ?? element.name).text });
        }
        // `import { type A, type B } from` has no runtime binding left; `import {} from` still runs the module.
        if (bindings.length === 0 && named.elements.length > 0 && !clause.name) {
          if (options.keepTypeOnlySpecifierLists) imports.push({ specifier, kind: 'side-effect', lazy: false, line, names: [] });
          continue;
        }
      }
      const record: ImportRecord = { specifier, kind: 'import', lazy: false, line, names: bindings.map((b) => b.name) };
      if (options.elideTypeOnlyUses && bindings.length > 0) pendingImports.push({ record, bindings });
      else imports.push(record);
      continue;
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const specifier = stringLiteral(statement.moduleSpecifier);
      if (specifier === undefined || statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      let names: string[];
      if (!clause) names = ['*'];
      else if (ts.isNamespaceExport(clause)) names = ['*'];
      else {
        const values = clause.elements.filter((e) => !e.isTypeOnly);
        if (values.length === 0 && clause.elements.length > 0) continue;
        names = values.map((e) => (e.propertyName ?? e.name).text);
      }
      imports.push({ specifier, kind: 're-export', lazy: false, line: lineOf(statement.getStart(source)), names });
      continue;
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = stringLiteral(statement.moduleReference.expression);
      if (specifier === undefined || statement.isTypeOnly) continue;
      const record: ImportRecord = {
        specifier,
        kind: 'require',
        lazy: false,
        line: lineOf(statement.getStart(source)),
        names: ['*'],
      };
      if (options.elideTypeOnlyUses) pendingImports.push({ record, bindings: [{ local: statement.name.text, name: '*' }] });
      else imports.push(record);
      continue;
    }
  }

  // One walk for calls (require/import()) and for identifiers used as values.
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    // Types never run; `typeof X` in a type is elided too.
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
    // `class A extends B` evaluates B; `implements` and interface `extends` are types.
    // (Checked from the class: the tree is built without parent pointers, for speed.)
    if (ts.isHeritageClause(node)) return;
    if (ts.isClassLike(node)) {
      for (const clause of node.heritageClauses ?? []) {
        if (clause.token === ts.SyntaxKind.ExtendsKeyword) for (const type of clause.types) visit(type.expression, inFunction);
      }
    }
    if (ts.isIdentifier(node)) {
      valueUses.add(node.text);
      return;
    }
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name)) {
      const call = unwrapCall(node.initializer);
      if (call) boundNames.set(call, node.name.elements.map((e) => bindingName(e)).filter((n): n is string => !!n));
    }
    if (ts.isPropertyAccessExpression(node)) {
      const call = unwrapCall(node.expression);
      if (call) boundNames.set(call, [node.name.text]);
    }
    if (ts.isCallExpression(node)) {
      const callee = skipParentheses(node.expression);
      if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) invokedInPlace.add(callee);
      const call = callImport(node);
      if (call) {
        const line = lineOf(node.getStart(source));
        const specifier = (node.arguments[0] as ts.StringLiteralLike).text;
        const names = boundNames.get(node) ?? ['*'];
        if (call === 'import') imports.push({ specifier, kind: 'dynamic-import', lazy: true, line, names });
        else {
          const kind = inFunction ? 'require-in-function' : 'require';
          imports.push({ specifier, kind, lazy: inFunction, line, names });
        }
      }
    }
    const entersFunction = inFunction || (isFunctionBody(node) && !invokedInPlace.has(node));
    ts.forEachChild(node, (child) => visit(child, entersFunction));
  };
  for (const statement of source.statements) visit(statement, false);

  for (const { record, bindings } of pendingImports) {
    const used = bindings.filter((b) => valueUses.has(b.local));
    if (used.length === 0) continue; // tsc drops the whole import
    imports.push({ ...record, names: used.map((b) => b.name) });
  }
  imports.sort((a, b) => a.line - b.line);

  const diagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const parseErrors = diagnostics.map((d) => {
    const position = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return {
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      line: position.line + 1,
      column: position.character + 1,
    };
  });
  return { imports, parseErrors };
}

function stringLiteral(node: ts.Node | undefined): string | undefined {
  return node && ts.isStringLiteralLike(node) ? node.text : undefined;
}

/** `require('x')` or `import('x')` with a literal specifier; anything computed is not an edge we can follow. */
function callImport(node: ts.CallExpression): 'require' | 'import' | undefined {
  if (node.arguments.length < 1 || !ts.isStringLiteralLike(node.arguments[0])) return undefined;
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return 'import';
  if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) return 'require';
  return undefined;
}

function skipParentheses(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** The require()/import() call under `await` and parentheses, if that is what the expression is. */
function unwrapCall(node: ts.Expression): ts.CallExpression | undefined {
  let inner = skipParentheses(node);
  if (ts.isAwaitExpression(inner)) inner = skipParentheses(inner.expression);
  return ts.isCallExpression(inner) && callImport(inner) ? inner : undefined;
}

/** The export name a destructuring element reads: `{ a }` and `{ a: b }` read `a`; `...rest` reads all. */
function bindingName(element: ts.BindingElement): string | undefined {
  if (element.dotDotDotToken) return '*';
  const property = element.propertyName ?? element.name;
  if (ts.isIdentifier(property) || ts.isStringLiteral(property)) return property.text;
  return undefined;
}

/** Nodes whose body does not run when the enclosing code runs. Class static blocks do run. */
function isFunctionBody(node: ts.Node): boolean {
  return ts.isFunctionLike(node) && !ts.isClassStaticBlockDeclaration(node);
}
