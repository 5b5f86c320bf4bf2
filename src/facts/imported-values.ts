import { ts } from '../project/typescript.cjs';
import type { ImportBinding, ResolveSpecifier } from './import-bindings.js';
import { effectiveCallee, isFunctionLike, isImmediatelyInvoked, requireMember, requireSpecifier, rootIdentifier, unwrap } from './expression-shapes.js';

/** What the per-module analyses share about one parsed module. */
export interface ModuleScope {
  sourceFile: ts.SourceFile;
  /** Import bindings by local name. */
  bindings: Map<string, ImportBinding>;
  resolve: ResolveSpecifier;
  /** Names declared at the top level other than imports. */
  localNames: Set<string>;
  /** Literal values of the module's string enums and `as const` objects (`Providers.OPENAI -> 'openai'`). */
  constants?: ReadonlyMap<string, string>;
}

/** An expression that evaluates to something another module exports. */
export interface ImportedValue {
  module: string;
  /** `default`, `*` or the export name. */
  export: string;
  /** The local binding it was read through, when any. */
  local?: string;
}

/**
 * Resolves `X` (an import binding), `ns.X` / `x_1.X` (a member of a namespace or require
 * binding), `require('./x')` and `require('./x').X` to the module and export they come from.
 */
export function importedValue(node: ts.Expression, scope: ModuleScope): ImportedValue | undefined {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) {
    const binding = scope.bindings.get(expr.text);
    if (!binding || binding.typeOnly) return undefined;
    const exportName = binding.imported === '*' && binding.via === 'require' ? 'default' : binding.imported;
    return { module: binding.module, export: exportName, local: binding.local };
  }
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
    const binding = scope.bindings.get(expr.expression.text);
    if (binding && !binding.typeOnly && (binding.imported === '*' || binding.imported === 'default')) {
      return { module: binding.module, export: expr.name.text, local: binding.local };
    }
  }
  const specifier = requireSpecifier(expr);
  if (specifier !== undefined) return { module: scope.resolve(specifier), export: 'default' };
  const member = requireMember(expr);
  if (member) return { module: scope.resolve(member.specifier), export: member.member };
  return undefined;
}

/**
 * Calls, `new`s and `await`s that run when `node` is evaluated at the top level: not those
 * inside function bodies or instance field initialisers.
 */
export function executedInvocations(node: ts.Node): Array<ts.CallExpression | ts.NewExpression | ts.AwaitExpression> {
  const found: Array<ts.CallExpression | ts.NewExpression | ts.AwaitExpression> = [];
  const visit = (current: ts.Node): void => {
    if (isFunctionLike(current) && !isImmediatelyInvoked(current)) return;
    if (ts.isPropertyDeclaration(current) && !ts.getModifiers(current)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return;
    if (ts.isCallExpression(current) || ts.isNewExpression(current) || ts.isAwaitExpression(current)) found.push(current);
    if (ts.isForOfStatement(current) && current.awaitModifier) found.push(current as unknown as ts.AwaitExpression);
    ts.forEachChild(current, visit);
  };
  visit(node);
  return found;
}

/** Globals whose calls and constructors have no effect worth reporting (`new Map()`, `Object.freeze`). */
const PURE_GLOBALS = new Set([
  'Object', 'Symbol', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'String', 'Number', 'Boolean', 'JSON', 'Math',
  'RegExp', 'BigInt', 'Error', 'TypeError', 'RangeError', 'Date', 'URL', 'Promise', 'Reflect', 'parseInt', 'parseFloat',
  'encodeURIComponent', 'decodeURIComponent', 'TextEncoder', 'TextDecoder', 'AbortController', 'Intl',
]);

/** Helpers tsc and Babel emit for CommonJS interop: part of the import/export plumbing. */
export function isInteropHelperCall(call: ts.CallExpression): boolean {
  const callee = effectiveCallee(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (/^(__exportStar|__export|__createBinding|__setModuleDefault|__importStar|__importDefault|_interop\w*|__esModule)$/.test(name)) return true;
  if (ts.isIdentifier(callee) && callee.text === 'require') return true;
  // Object.defineProperty(exports, ...) is how tsc declares exports and re-exports.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'defineProperty') {
    const target = call.arguments[0] && unwrap(call.arguments[0]);
    return !!target && ts.isIdentifier(target) && (target.text === 'exports' || target.text === 'module');
  }
  return false;
}

/** Who an executed call or `new` invokes: imported code, a pure global, or local code. */
export function classifyInvocation(
  invocation: ts.CallExpression | ts.NewExpression,
  scope: ModuleScope,
): { origin: 'imported' | 'pure' | 'local' | 'interop'; callee: ts.Expression; imported?: ImportedValue } {
  const callee = effectiveCallee(invocation.expression);
  if (ts.isCallExpression(invocation) && isInteropHelperCall(invocation)) return { origin: 'interop', callee };
  const imported = importedValue(callee, scope);
  if (imported) return { origin: 'imported', callee, imported };
  const root = rootIdentifier(callee);
  if (root) {
    const binding = scope.bindings.get(root.text);
    if (binding && !binding.typeOnly) {
      return { origin: 'imported', callee, imported: { module: binding.module, export: binding.imported, local: binding.local } };
    }
    if (!scope.localNames.has(root.text) && PURE_GLOBALS.has(root.text)) return { origin: 'pure', callee };
  }
  // `require('x').config()`: a call on a freshly required module.
  let base: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = unwrap(base.expression);
  const specifier = requireSpecifier(base);
  if (specifier !== undefined) return { origin: 'imported', callee, imported: { module: scope.resolve(specifier), export: 'default' } };
  return { origin: 'local', callee };
}
