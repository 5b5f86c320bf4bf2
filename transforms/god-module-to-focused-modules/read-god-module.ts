import { createRequire } from 'node:module';
import type { ts as Ts } from 'ts-morph';

/**
 * TypeScript's compiler API, required when a god-module is first read instead of at import:
 * the registry of transforms (transforms/index.ts) loads this module for every plan and apply,
 * and an apply that splits no module then loads no compiler (about 400 ms). A CommonJS require
 * also spares Node the scan of ts-morph's bundle for export names that an ES import makes.
 */
let ts: typeof Ts;
const loadTypeScript = (): typeof Ts => (ts ??= (createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph')).ts);

/** One import binding of the god-module. */
export interface ImportBinding {
  local: string;
  /** `default`, `*` or the imported name. */
  imported: string;
  typeOnly: boolean;
}

/** A top-level statement of the god-module, as plain data. */
export interface ModuleStatement {
  kind: 'import' | 'side-effect-import' | 'declaration' | 'export-list' | 'directive' | 'other';
  /** Source text, with its leading comments (JSDoc), without leading blank lines. */
  text: string;
  /** True when a blank line separated it from the statement before (kept when it moves). */
  blankLineBefore: boolean;
  /** Names the statement declares at top level. */
  declares: string[];
  /** Declared names exported by an `export` modifier (`export const a`). */
  exportedByModifier: boolean;
  /** True for interfaces and type aliases: no runtime value. */
  typeOnly: boolean;
  /** Top-level names of the module the statement refers to (declarations and import bindings). */
  uses: Set<string>;
  /** Top-level names the statement assigns (`X = ...`, `X ||= ...`, `X++`), anywhere inside it. */
  assigns?: Set<string>;
  /** A function declaration: hoisted, and what it uses is only read when it is called. */
  functionDeclaration?: boolean;
  /** Imports: the specifier and bindings. */
  specifier?: string;
  bindings?: ImportBinding[];
  /** Whole import is `import type`. */
  importTypeOnly?: boolean;
  /** Export lists (`export { a as b }` without `from`): exported name -> local name. */
  exportList?: Array<{ name: string; local: string; typeOnly: boolean }>;
  /** `export ... from` / `export *` re-exports the module already has. */
  reExportFrom?: string;
  /** Re-exported names (for `export { a } from`); `*` for `export *`. */
  reExportNames?: string[];
}

/** What the split needs to know about the god-module. */
export interface GodModuleLayout {
  statements: ModuleStatement[];
  /** Every top-level name: declared ones and import bindings. */
  topLevel: Set<string>;
  /** Exported name -> local declaration name (declared here, not re-exported). */
  exports: Map<string, string>;
  /** Relative specifiers as written, to copy their extension style. */
  relativeSpecifiers: string[];
  /**
   * `commonjs` for plain JavaScript that imports with `require` and exports through
   * `module.exports = { ... }` / `exports.x = x`; the split then writes CommonJS too.
   */
  format: 'esm' | 'commonjs';
}

/** Parses the god-module with the TypeScript compiler API and lays out its top level. */
export function readGodModule(path: string, source: string): GodModuleLayout {
  loadTypeScript();
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, scriptKindOf(path));
  const commonjs = /\.(c?js|jsx)$/.test(path) && !file.statements.some((n) => ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isExportAssignment(n) || hasModifier(n, ts.SyntaxKind.ExportKeyword));
  const statements: ModuleStatement[] = file.statements.map((node) => (commonjs ? describeCommonJs(node, file) : undefined) ?? describe(node, file));
  const topLevel = new Set<string>();
  for (const s of statements) {
    for (const name of s.declares) topLevel.add(name);
    for (const b of s.bindings ?? []) topLevel.add(b.local);
  }
  for (const [i, node] of file.statements.entries()) {
    statements[i]!.uses = referencedNames(node, topLevel);
    statements[i]!.assigns = assignedNames(node, topLevel);
  }
  const exports = new Map<string, string>();
  for (const s of statements) {
    if (s.kind === 'declaration' && s.exportedByModifier) for (const name of s.declares) exports.set(name, name);
    for (const e of s.exportList ?? []) exports.set(e.name, e.local);
  }
  const relativeSpecifiers = statements.flatMap((s) => [s.specifier, s.reExportFrom]).filter((x): x is string => !!x && x.startsWith('.'));
  return { statements, topLevel, exports, relativeSpecifiers, format: commonjs ? 'commonjs' : 'esm' };
}

function scriptKindOf(path: string): Ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(js|cjs|mjs)$/.test(path)) return ts.ScriptKind.JS;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}

function textOf(node: Ts.Node, file: Ts.SourceFile): string {
  return file.text.slice(node.getFullStart(), node.getEnd()).replace(/^\s*\n/, '').replace(/^[ \t]+(?=\S)/, '');
}

function hasModifier(node: Ts.Node, kind: Ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function describe(node: Ts.Statement, file: Ts.SourceFile): ModuleStatement {
  const leading = file.text.slice(node.getFullStart(), node.getStart(file));
  const base: ModuleStatement = { kind: 'other', text: textOf(node, file), blankLineBefore: /\n[ \t]*\r?\n/.test(leading), declares: [], exportedByModifier: false, typeOnly: false, uses: new Set() };
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
    const clause = node.importClause;
    if (!clause) return { ...base, kind: 'side-effect-import', specifier: node.moduleSpecifier.text };
    const bindings: ImportBinding[] = [];
    if (clause.name) bindings.push({ local: clause.name.text, imported: 'default', typeOnly: clause.isTypeOnly });
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.push({ local: named.name.text, imported: '*', typeOnly: clause.isTypeOnly });
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) {
        bindings.push({ local: el.name.text, imported: (el.propertyName ?? el.name).text, typeOnly: clause.isTypeOnly || el.isTypeOnly });
      }
    }
    return { ...base, kind: 'import', specifier: node.moduleSpecifier.text, bindings, importTypeOnly: clause.isTypeOnly };
  }
  if (ts.isExportDeclaration(node)) {
    if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements.map((e) => e.name.text) : ['*'];
      return { ...base, reExportFrom: node.moduleSpecifier.text, reExportNames: names };
    }
    if (node.exportClause && ts.isNamedExports(node.exportClause)) {
      const exportList = node.exportClause.elements.map((e) => ({
        name: e.name.text,
        local: (e.propertyName ?? e.name).text,
        typeOnly: node.isTypeOnly || e.isTypeOnly,
      }));
      return { ...base, kind: 'export-list', exportList };
    }
    return base;
  }
  if (hasModifier(node, ts.SyntaxKind.DefaultKeyword)) return base;
  const exported = hasModifier(node, ts.SyntaxKind.ExportKeyword);
  const declared = (names: string[], typeOnly = false): ModuleStatement => ({ ...base, kind: 'declaration', declares: names, exportedByModifier: exported, typeOnly });
  if (ts.isFunctionDeclaration(node) && node.name) return { ...declared([node.name.text]), functionDeclaration: true };
  if (ts.isClassDeclaration(node) && node.name) return declared([node.name.text]);
  if (ts.isEnumDeclaration(node)) return declared([node.name.text]);
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return declared([node.name.text], true);
  if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name)) return declared([node.name.text]);
  if (ts.isVariableStatement(node)) return declared(node.declarationList.declarations.flatMap((d) => bindingNames(d.name)));
  return base;
}

/** `require` bindings, `module.exports = { a, b: c }`, `exports.x = x` and `'use strict'`; undefined for anything else. */
function describeCommonJs(node: Ts.Statement, file: Ts.SourceFile): ModuleStatement | undefined {
  const leading = file.text.slice(node.getFullStart(), node.getStart(file));
  const base: ModuleStatement = { kind: 'other', text: textOf(node, file), blankLineBefore: /\n[ \t]*\r?\n/.test(leading), declares: [], exportedByModifier: false, typeOnly: false, uses: new Set() };
  if (ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression) && node.expression.text === 'use strict') return { ...base, kind: 'directive' };
  if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
    const d = node.declarationList.declarations[0]!;
    const init = d.initializer;
    if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]!)) {
      const specifier = (init.arguments[0] as Ts.StringLiteral).text;
      if (ts.isIdentifier(d.name)) return { ...base, kind: 'import', specifier, bindings: [{ local: d.name.text, imported: '*', typeOnly: false }] };
      if (ts.isObjectBindingPattern(d.name) && d.name.elements.every((e) => ts.isIdentifier(e.name) && !e.dotDotDotToken && !e.initializer && (!e.propertyName || ts.isIdentifier(e.propertyName)))) {
        const bindings = d.name.elements.map((e) => ({ local: (e.name as Ts.Identifier).text, imported: ((e.propertyName ?? e.name) as Ts.Identifier).text, typeOnly: false }));
        return { ...base, kind: 'import', specifier, bindings };
      }
    }
  }
  if (ts.isExpressionStatement(node) && ts.isBinaryExpression(node.expression) && node.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const { left, right } = node.expression;
    const target = left.getText(file);
    if (target === 'module.exports' && ts.isObjectLiteralExpression(right)) {
      const exportList: Array<{ name: string; local: string; typeOnly: boolean }> = [];
      const spreads: string[] = [];
      for (const p of right.properties) {
        // `...require('./utils/x')`: a shim this transform wrote (a re-export of everything there).
        if (ts.isSpreadAssignment(p) && ts.isCallExpression(p.expression) && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === 'require' && p.expression.arguments.length === 1 && ts.isStringLiteral(p.expression.arguments[0]!)) {
          spreads.push((p.expression.arguments[0] as Ts.StringLiteral).text);
          continue;
        }
        if (ts.isShorthandPropertyAssignment(p)) exportList.push({ name: p.name.text, local: p.name.text, typeOnly: false });
        else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && ts.isIdentifier(p.initializer)) exportList.push({ name: p.name.text, local: p.initializer.text, typeOnly: false });
        else return undefined; // computed or inline values: left as they are, in the old module
      }
      return { ...base, kind: 'export-list', exportList, ...(spreads.length > 0 ? { reExportFrom: spreads[0], reExportNames: ['*'] } : {}) };
    }
    const single = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (single && ts.isIdentifier(right)) return { ...base, kind: 'export-list', exportList: [{ name: single[1]!, local: right.text, typeOnly: false }] };
  }
  return undefined;
}

function bindingNames(name: Ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : bindingNames(el.name)));
}

/**
 * Top-level names a statement refers to. Property names, member names and keys are not
 * references; a local that shadows a top-level name is counted (it only costs an unused import).
 */
function referencedNames(node: Ts.Node, topLevel: Set<string>): Set<string> {
  const uses = new Set<string>();
  const visit = (n: Ts.Node): void => {
    if (ts.isIdentifier(n) && topLevel.has(n.text) && isReference(n)) uses.add(n.text);
    if (ts.isImportDeclaration(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return uses;
}

/**
 * Top-level names a statement assigns to directly (an imported binding cannot be assigned, so
 * such a statement must stay beside the declaration), e.g. the enum pattern compilers emit:
 * `(function (E) { ... })(E || (E = {}))`.
 */
function assignedNames(node: Ts.Node, topLevel: Set<string>): Set<string> {
  const assigns = new Set<string>();
  const target = (n: Ts.Expression) => {
    let e = n;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isIdentifier(e) && topLevel.has(e.text)) assigns.add(e.text);
  };
  const visit = (n: Ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) target(n.left);
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) target(n.operand);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return assigns;
}

function isReference(id: Ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) ||
       ts.isMethodSignature(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isEnumMember(p)) && (p as { name?: Ts.Node }).name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isExportSpecifier(p)) return p.propertyName ? p.propertyName === id : true;
  return true;
}
