import { ts } from '../project/typescript.cjs';
import type { RegistryEntry, RegistryFact } from './module-facts.js';
import { constantKeyValue } from './constant-keys.js';
import { commonJsExportTarget, effectiveCallee, isFunctionLike, lineOf, rootIdentifier, staticPropertyKey, unwrap } from './expression-shapes.js';
import { importedValue, type ImportedValue, type ModuleScope } from './imported-values.js';
import { entryWrite } from './object-writes.js';
import { wholeReadAtImport } from './whole-reads-at-import.js';

/** Registries found in one module, and which top-level statements (by index) register. */
export interface DetectedRegistries {
  registries: RegistryFact[];
  registrationStatements: Set<number>;
}

/**
 * Finds the three registry shapes of a module's top level:
 * - object-map: `{ 'claude-': AnthropicHandler, ... }` whose values are imported classes/handlers;
 * - factory-map: `{ openai: (o) => new OpenAIHandler(o), ... }`;
 * - register-calls: `registerProvider('x', X)`, `registry.register('x', require('./x'))`, `map.set('x', X)`,
 *   `REGISTRY['x'] = X`.
 * Blockers say why a registry cannot become a static manifest (computed keys, loops, spreads...).
 */
export function detectRegistries(scope: ModuleScope): DetectedRegistries {
  const { sourceFile } = scope;
  const registries: RegistryFact[] = [];
  const registrationStatements = new Set<number>();
  const callRegistries = new Map<string, RegistryFact>();

  const callRegistry = (name: string, statement: ts.Statement, callee?: string): RegistryFact => {
    let registry = callRegistries.get(name);
    if (!registry) {
      registry = { name, shape: 'register-calls', line: lineOf(statement, sourceFile), start: statement.getStart(sourceFile), end: statement.end, entries: [], blockers: [], ...(callee && { callee }) };
      callRegistries.set(name, registry);
      registries.push(registry);
    }
    registry.start = Math.min(registry.start, statement.getStart(sourceFile));
    registry.end = Math.max(registry.end, statement.end);
    return registry;
  };

  sourceFile.statements.forEach((statement, index) => {
    // Object and factory maps.
    const mapNames: string[] = [];
    for (const { name, object, nested } of objectLiteralsOf(statement)) {
      // A literal inside a map is one of its values, not a map of its own.
      if (nested && mapNames.some((map) => name.startsWith(`${map}.`))) continue;
      const registry = objectRegistry(name, object, statement, scope, nested);
      if (registry) {
        mapNames.push(name);
        // `rules: _objectSpread({}, allRules)`: copying the map at import runs every getter a
        // manifest would give it, so every provider would still load at import.
        const copied = wholeReadAtImport(name, sourceFile, statement);
        // `rules[name] = wrap(rules[name])`: a lazy entry is a getter with no setter.
        const written = entryWrite(name, registry.entries.flatMap((e) => (e.key === undefined ? [] : [e.key])), sourceFile);
        if (written) registry.blockers.push(`${name} has an entry written at line ${written.line} (\`${written.text}\`): a lazy entry is a getter with no setter`);
        if (copied?.how === 'whole') registry.blockers.push(`${name} is read whole at import (line ${copied.line}: \`${copied.text}\`), which would load every provider then`);
        else if (copied && !written) registry.blockers.push(`${name} is read by a computed key at import (line ${copied.line}: \`${copied.text}\`), which would load the providers it reads then`);
        registries.push(registry);
        registrationStatements.add(index);
      }
    }
    // Register calls and element assignments, directly at the top level or inside loops.
    for (const found of registrationsIn(statement, scope)) {
      const registry = callRegistry(found.registry, statement, found.callee);
      registrationStatements.add(index);
      // One line for all of a registry's element assignments, the first standing for the others.
      if (found.element && !registry.blockers.some((b) => b.endsWith(ELEMENT_ASSIGNMENT_REASON))) {
        registry.blockers.push(`\`${found.element} = ...\` at line ${found.line} ${ELEMENT_ASSIGNMENT_REASON}`);
      }
      if (found.loop) {
        registry.blockers.push(`registered in a loop at line ${found.line}: the keys are only known at runtime`);
        if (found.loopSource) registry.loopSources = [...new Set([...(registry.loopSources ?? []), found.loopSource])];
        for (const entry of found.loopEntries ?? []) {
          if (!registry.entries.some((e) => e.module === entry.module && e.export === entry.export && e.key === undefined)) registry.entries.push(entry);
        }
        continue;
      }
      // One line per reason: the first one-argument call stands for the others.
      const sameReason = found.blocker?.endsWith(ONE_ARGUMENT_REASON) && registry.blockers.some((b) => b.endsWith(ONE_ARGUMENT_REASON));
      if (found.blocker && !sameReason) registry.blockers.push(found.blocker);
      if (found.entry) registry.entries.push(found.entry);
    }
  });

  const getters = exportGetterRegistry(scope);
  if (getters) registries.push(getters);

  // A register-calls registry needs at least one imported value or one blocked registration to count.
  const kept = registries.filter((r) => r.shape !== 'register-calls' || r.entries.some((e) => e.module) || r.blockers.length > 0);
  return { registries: kept, registrationStatements };
}

/**
 * Babel's and tsc's CommonJS re-exports: `Object.defineProperty(exports, 'Button', { enumerable:
 * true, get: function () { return _Button.default; } })` with `var _Button =
 * _interopRequireDefault(require('./Button'))` at the top level. The export is already read
 * through a getter; only the require runs at import. `export *` of a local module, Babel's
 * `Object.keys(_x).forEach(...)` loop or tsc's `__exportStar(require('./x'), exports)`, defines
 * a getter for each name at import too: its entry stands for the module's names until
 * src/facts/star-exports.ts reads them. Two or more such exports of local modules, whose bindings
 * nothing else reads, make an `export-getters` registry named `exports`.
 */
function exportGetterRegistry(scope: ModuleScope): RegistryFact | undefined {
  const { sourceFile } = scope;
  const entries: RegistryEntry[] = [];
  const locals = new Map<string, number>();
  let start = Infinity;
  let end = 0;
  for (const statement of sourceFile.statements) {
    const getter = exportGetter(statement);
    const star = getter ? undefined : babelExportStar(statement);
    const local = getter?.local ?? star;
    const tscStar = local === undefined ? tscExportStar(statement) : undefined;
    if (tscStar !== undefined && tscStar.startsWith('.')) {
      entries.push({ module: scope.resolve(tscStar), export: '*', valueShape: 'reference', line: lineOf(statement, sourceFile) });
      start = Math.min(start, statement.getStart(sourceFile));
      end = Math.max(end, statement.end);
    }
    if (local === undefined) continue;
    const binding = scope.bindings.get(local);
    if (!binding || binding.via !== 'require' || !binding.specifier.startsWith('.')) continue;
    // A star's names are the module's: src/facts/star-exports.ts reads them once every module has its facts.
    if (getter) entries.push({ key: getter.key, module: binding.module, export: getter.member ?? 'default', valueShape: 'reference', line: lineOf(statement, sourceFile) });
    else entries.push({ module: binding.module, export: '*', valueShape: 'reference', line: lineOf(statement, sourceFile) });
    locals.set(local, (locals.get(local) ?? 0) + 1);
    start = Math.min(start, statement.getStart(sourceFile));
    end = Math.max(end, statement.end);
  }
  if (entries.length < 2) return undefined;
  // A binding read anywhere but in those getters (and its own declaration) keeps its require at import.
  const otherReads = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && (exportGetter(node) || babelExportStar(node))) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && locals.has(node.name.text)) {
      if (node.initializer) visit(node.initializer);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
    if (ts.isIdentifier(node) && locals.has(node.text)) otherReads.set(node.text, (otherReads.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const blockers = [...otherReads.keys()].map((local) => `${local} is also read outside its export getters, so its require stays at import`);
  const first = sourceFile.statements.find((s) => exportGetter(s) || babelExportStar(s) || tscExportStar(s)?.startsWith('.'))!;
  return { name: 'exports', shape: 'export-getters', line: lineOf(first, sourceFile), start, end, entries, blockers };
}

/** `Object.defineProperty(exports, 'K', { get: function () { return local.member; } })` -> its parts. */
function exportGetter(statement: ts.Node): { key: string; local: string; member?: string } | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const call = unwrap(statement.expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 3) return undefined;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object' || callee.name.text !== 'defineProperty') return undefined;
  const [target, keyArg, descriptor] = call.arguments as unknown as [ts.Expression, ts.Expression, ts.Expression];
  if (!ts.isIdentifier(target) || target.text !== 'exports' || !ts.isStringLiteralLike(keyArg) || !ts.isObjectLiteralExpression(descriptor)) return undefined;
  let body: ts.ConciseBody | undefined;
  for (const property of descriptor.properties) {
    if (!property.name || staticPropertyKey(property.name) !== 'get') continue;
    if (ts.isMethodDeclaration(property)) body = property.body;
    else if (ts.isPropertyAssignment(property)) {
      const fn = unwrap(property.initializer);
      if (ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) body = fn.body;
    }
  }
  if (!body) return undefined;
  let returned: ts.Expression | undefined;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    returned = only && ts.isReturnStatement(only) ? only.expression : undefined;
  } else returned = body;
  if (!returned) return undefined;
  const value = unwrap(returned);
  if (ts.isIdentifier(value)) return { key: keyArg.text, local: value.text };
  if (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression)) return { key: keyArg.text, local: value.expression.text, member: value.name.text };
  return undefined;
}

/**
 * The guards Babel writes before each name of an `export *` (`if (...) return;`), with the
 * callback's parameter written `key` and the module's local `L`, in double quotes and with a
 * space only between two words.
 */
const STAR_GUARDS = new Set([
  'key==="default"||key==="__esModule"',
  'key in exports&&exports[key]===L[key]',
  'Object.prototype.hasOwnProperty.call(_exportNames,key)',
]);

/**
 * Babel's CommonJS `export * from './x'`: `Object.keys(_x).forEach(function (key) { if (key ===
 * "default" || key === "__esModule") return; ... Object.defineProperty(exports, key, { enumerable:
 * true, get: function () { return _x[key]; } }); })` after `var _x = require('./x')` -> `_x`
 * (older Babel names the getter: `get: function get() {`).
 * Only Babel's own guards are accepted: any other body may skip names the module exports.
 */
export function babelExportStar(statement: ts.Node): string | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const call = statement.expression;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'forEach') return undefined;
  const keys = call.expression.expression;
  if (!ts.isCallExpression(keys) || keys.getText() !== `Object.keys(${keys.arguments[0]?.getText()})` || !keys.arguments[0] || !ts.isIdentifier(keys.arguments[0])) return undefined;
  const local = keys.arguments[0].text;
  const fn = call.arguments[0]!;
  if (!ts.isFunctionExpression(fn) || fn.parameters.length !== 1 || !ts.isIdentifier(fn.parameters[0]!.name)) return undefined;
  const key = fn.parameters[0]!.name.text;
  const statements = fn.body.statements;
  const define = statements[statements.length - 1];
  const normal = (node: ts.Node) =>
    node
      .getText()
      .replace(/\s+/g, ' ')
      .replace(/ (?![\w$])|(?<![\w$]) /g, '')
      .replace(/'/g, '"')
      .replace(wholeName(key), 'key')
      .replace(wholeName(local), 'L');
  const guardsOk = statements.slice(0, -1).every((s) => ts.isIfStatement(s) && !s.elseStatement && ts.isReturnStatement(s.thenStatement) && !s.thenStatement.expression && STAR_GUARDS.has(normal(s.expression)));
  if (!guardsOk || !statements.slice(0, -1).some((s) => normal((s as ts.IfStatement).expression) === 'key==="default"||key==="__esModule"')) return undefined;
  const defined = define && /^Object\.defineProperty\(exports,key,\{enumerable:true,get:function(?: get)?\(\)\{return L\[key\];?\},?\}\);?$/.test(normal(define));
  return defined ? local : undefined;
}

/** `name` as a whole identifier (`$` is part of one, so `\b` will not do); the transform matches the same way. */
function wholeName(name: string): RegExp {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
}

/**
 * tsc's CommonJS `export * from './x'`: `__exportStar(require("./x"), exports)`, or tslib's
 * `tslib_1.__exportStar(...)` / `(0, tslib_1.__exportStar)(...)` -> `./x`.
 */
export function tscExportStar(statement: ts.Node): string | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const call = statement.expression;
  if (!ts.isCallExpression(call) || call.arguments.length !== 2) return undefined;
  const callee = effectiveCallee(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const [required, target] = call.arguments as unknown as [ts.Expression, ts.Expression];
  if (name !== '__exportStar' || !ts.isIdentifier(target) || target.text !== 'exports' || !ts.isCallExpression(required)) return undefined;
  const [specifier] = required.arguments;
  const isRequire = ts.isIdentifier(required.expression) && required.expression.text === 'require' && required.arguments.length === 1;
  return isRequire && specifier && ts.isStringLiteralLike(specifier) ? specifier.text : undefined;
}

/** An object literal bound at the top level, or held by a property of one (`nested`). */
interface BoundObject {
  /** `PROVIDERS`, `module.exports`, `index.rules`; a nested literal adds its key path (`plugin.rules`). */
  name: string;
  object: ts.ObjectLiteralExpression;
  nested?: true;
}

/** A key that can stand in a dotted name, as the transform reads one back (`plugin.rules`). */
const DOTTED_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * Object literals a statement binds at the top level, with the name they are bound to, then
 * those nested in them under plain keys: `const plugin = { rules: { ... } }` (ESLint plugins)
 * gives `plugin` and `plugin.rules`, so a map inside a plugin object is found like a map of its own.
 */
function objectLiteralsOf(statement: ts.Statement): BoundObject[] {
  const found: BoundObject[] = [];
  for (const bound of topLevelObjectLiteralsOf(statement)) {
    found.push(bound);
    // `export default { rules: {...} }` is not walked: the transform finds maps by their binding.
    if (bound.name !== 'default') found.push(...nestedObjectLiterals(bound.name, bound.object));
  }
  return found;
}

function nestedObjectLiterals(name: string, object: ts.ObjectLiteralExpression): BoundObject[] {
  const found: BoundObject[] = [];
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = staticPropertyKey(property.name);
    const value = unwrap(property.initializer);
    if (key === undefined || !DOTTED_KEY.test(key) || !ts.isObjectLiteralExpression(value)) continue;
    found.push({ name: `${name}.${key}`, object: value, nested: true }, ...nestedObjectLiterals(`${name}.${key}`, value));
  }
  return found;
}

/** Object literals a statement binds at the top level, with the name they are bound to. */
function topLevelObjectLiteralsOf(statement: ts.Statement): BoundObject[] {
  const found: BoundObject[] = [];
  const objectOf = (expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined => {
    if (!expr) return undefined;
    let inner = unwrap(expr);
    // Object.freeze({...}) and friends keep the literal's shape.
    if (ts.isCallExpression(inner) && inner.arguments.length === 1 && ts.isPropertyAccessExpression(inner.expression) &&
      ts.isIdentifier(inner.expression.expression) && inner.expression.expression.text === 'Object') {
      inner = unwrap(inner.arguments[0]!);
    }
    return ts.isObjectLiteralExpression(inner) ? inner : undefined;
  };
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      // `var rules = exports.rules = { ... }` (eslint-plugin-react): the local name holds the map.
      const object = objectOf(declaration.initializer && assignedValue(declaration.initializer));
      if (object && ts.isIdentifier(declaration.name)) found.push({ name: declaration.name.text, object });
    }
  } else if (ts.isExportAssignment(statement)) {
    const object = objectOf(statement.expression);
    if (object) found.push({ name: 'default', object });
  } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) &&
    statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = objectMapTarget(statement.expression.left);
    const object = objectOf(assignedValue(statement.expression.right));
    if (target && object) found.push({ name: target, object });
  }
  return found;
}

/** The value at the end of an assignment chain: `{...}` in `exports.a = exports.b = {...}`. */
function assignedValue(expr: ts.Expression): ts.Expression {
  let inner = unwrap(expr);
  while (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken) inner = unwrap(inner.right);
  return inner;
}

/**
 * How a map assigned at the top level is named: `module.exports`, the export name for
 * `exports.rules = {...}`, or the member path for a local object's property (`index.rules`).
 */
function objectMapTarget(left: ts.Expression): string | undefined {
  const target = commonJsExportTarget(left);
  if (target) return target === '*' ? 'module.exports' : target;
  const expr = unwrap(left);
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && ts.isIdentifier(expr.name) &&
    !['module', 'exports', 'globalThis', 'window', 'global', 'this'].includes(expr.expression.text)) {
    return `${expr.expression.text}.${expr.name.text}`;
  }
  return undefined;
}

/**
 * The imported value a factory function returns constructed or called:
 * `(o) => new OpenAIHandler(o)`, `function (o) { return OpenAI.create(o); }`. Functions that
 * merely use imported code along the way (an object's methods) are not factories.
 */
function factoryTarget(fn: ts.FunctionLikeDeclaration, scope: ModuleScope): ImportedValue | undefined {
  const returned: ts.Expression[] = [];
  if (fn.body && !ts.isBlock(fn.body)) returned.push(fn.body);
  else if (fn.body) {
    for (const statement of fn.body.statements) if (ts.isReturnStatement(statement) && statement.expression) returned.push(statement.expression);
  }
  for (const expression of returned) {
    let value = unwrap(expression);
    if (ts.isAwaitExpression(value)) value = unwrap(value.expression);
    if (!ts.isNewExpression(value) && !ts.isCallExpression(value)) continue;
    const callee = effectiveCallee(value.expression);
    const direct = importedValue(callee, scope);
    if (direct) return direct;
    // `X.create(o)` on an imported class.
    if (ts.isPropertyAccessExpression(callee)) {
      const owner = importedValue(callee.expression, scope);
      if (owner) return owner;
    }
  }
  return undefined;
}

/** Registered values are classes, handler objects or whole modules, not lower-case helper functions. */
function looksLikeHandler(value: ImportedValue, shape: RegistryEntry['valueShape']): boolean {
  return shape === 'factory' || value.export === 'default' || value.export === '*' || /^[A-Z]/.test(value.export);
}

function objectRegistry(name: string, object: ts.ObjectLiteralExpression, statement: ts.Statement, scope: ModuleScope, nested?: true): RegistryFact | undefined {
  const { sourceFile } = scope;
  const entries: RegistryEntry[] = [];
  const blockers: string[] = [];
  let references = 0;
  let factories = 0;
  let renamed = 0;
  const inline: string[] = [];
  const pendingKeys: PendingKey[] = [];
  for (const property of object.properties) {
    const line = lineOf(property, sourceFile);
    if (ts.isSpreadAssignment(property)) {
      blockers.push(`spread \`...${property.expression.getText(sourceFile)}\` at line ${line}: its entries are only known at runtime`);
      continue;
    }
    if (ts.isShorthandPropertyAssignment(property)) {
      const value = importedValue(property.name, scope);
      if (value) {
        if (looksLikeHandler(value, 'reference')) references += 1;
        entries.push({ key: property.name.text, module: value.module, export: value.export, valueShape: 'reference', line });
      }
      continue;
    }
    if (!property.name) continue;
    const key = staticPropertyKey(property.name) ??
      (ts.isComputedPropertyName(property.name) && scope.constants ? constantKeyValue(property.name.expression, scope.constants) : undefined);
    let pending: PendingKey | undefined;
    if (key === undefined) {
      const at = `computed key \`${property.name.getText(sourceFile)}\` at line ${line}`;
      const blocker = `${at}${ts.isComputedPropertyName(property.name) ? unknownConstantReason(property.name.expression, scope) : ''}`;
      blockers.push(blocker);
      const reference = ts.isComputedPropertyName(property.name) ? importedMember(property.name.expression, scope) : undefined;
      // Read in the imported module once every module has its facts; `entry` is set if the value is one.
      if (reference) pendingKeys.push((pending = { entry: -1, ...reference, at, blocker }));
    }
    let value: ImportedValue | undefined;
    let valueShape: RegistryEntry['valueShape'] = 'reference';
    if (ts.isPropertyAssignment(property)) {
      const initializer = unwrap(property.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) {
        value = factoryTarget(initializer, scope);
        valueShape = 'factory';
      } else {
        value = importedValue(initializer, scope);
      }
    } else if (ts.isMethodDeclaration(property)) {
      value = factoryTarget(property, scope);
      valueShape = 'factory';
    }
    if (!value && !referencesImports(property, scope)) {
      // Written inline (`noop: { complete: () => '' }`): nothing to load, it stays as it is.
      if (key !== undefined) inline.push(key);
      continue;
    }
    if (!value) {
      blockers.push(`value of ${key === undefined ? 'a computed key' : `'${key}'`} at line ${line} is computed from imports, not an imported binding`);
      continue;
    }
    // Handlers make the map a registry; a helper beside them (`isAlphaLocales: _isAlpha.locales`,
    // `isISO6346: _isISO.isISO6346` in validator's map of validators) is an entry of it too, read
    // as lazily, but counts for nothing: a barrel of helpers is no registry.
    const handler = looksLikeHandler(value, valueShape);
    if (valueShape === 'factory') factories += 1;
    else if (handler) references += 1;
    // A barrel (`module.exports = { completion }`) maps names to themselves; a registry maps keys to handlers.
    const localName = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
    const valueName = localName && ts.isIdentifier(localName) ? localName.text : localName && ts.isPropertyAccessExpression(localName) ? localName.name.text : undefined;
    if (handler && (valueShape === 'factory' || valueName !== key)) renamed += 1;
    if (pending) pending.entry = entries.length;
    entries.push({ key, module: value.module, export: value.export, valueShape, line });
  }
  const imported = references + factories;
  if (imported < 2 || renamed < 2 || imported * 2 < object.properties.length) return undefined;
  return {
    name,
    shape: factories > references ? 'factory-map' : 'object-map',
    // A nested map's line is its key's (`rules: {`); its statement is the plugin object's.
    line: lineOf(nested ? object.parent : statement, sourceFile),
    start: statement.getStart(sourceFile),
    end: statement.end,
    entries,
    blockers,
    ...(inline.length > 0 && { inline }),
    ...(pendingKeys.length > 0 && { pendingKeys }),
  };
}

type PendingKey = NonNullable<RegistryFact['pendingKeys']>[number];

/** `Providers.OPENAI` (or `Providers['OPENAI']`) where `Providers` is a named ES import: what to read in its module. */
function importedMember(expression: ts.Expression, scope: ModuleScope): { module: string; export: string; member: string } | undefined {
  const expr = unwrap(expression);
  if (!(ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) || !ts.isIdentifier(expr.expression)) return undefined;
  const member = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isStringLiteralLike(expr.argumentExpression) ? expr.argumentExpression.text : undefined;
  const binding = scope.bindings.get(expr.expression.text);
  if (member === undefined || !binding || binding.via !== 'import' || binding.typeOnly || binding.imported === '*' || binding.imported === 'default') return undefined;
  return { module: binding.module, export: binding.imported, member };
}

/** True when a property's value mentions an import binding or calls `require()`: it is not self-contained. */
function referencesImports(property: ts.ObjectLiteralElementLike, scope: ModuleScope): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      if (scope.bindings.has(node.text) || node.text === 'require') found = true;
      return;
    }
    // Member names and property keys are not references.
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
    if ((ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node)) && !ts.isComputedPropertyName(node.name)) {
      ts.forEachChild(node, (child) => (child === node.name ? undefined : visit(child)));
      return;
    }
    ts.forEachChild(node, visit);
  };
  const value = ts.isPropertyAssignment(property) ? property.initializer : property;
  visit(value);
  return found;
}

interface FoundRegistration {
  registry: string;
  /** The register callee as written (`hljs.registerLanguage`), for calls. */
  callee?: string;
  line: number;
  loop: boolean;
  entry?: RegistryEntry;
  blocker?: string;
  /** For a loop over a literal list of imports (`for (const H of [A, B])`): what it registers, keys unknown. */
  loopEntries?: RegistryEntry[];
  /** For a loop over an imported value (`Object.entries(manifest)`): the module it comes from. */
  loopSource?: string;
  /** For an element assignment: its target as written (`plugin.rules['no-a']`). */
  element?: string;
}

export const ELEMENT_ASSIGNMENT_REASON = 'registers by element assignment, which lazify does not rewrite: the same entries written as one object literal convert';

export const ONE_ARGUMENT_REASON = 'takes its key from the registered value: the keys are only known by loading each module';

const REGISTER_METHOD = /^(register\w*|add\w*|set|use|define\w*)$/i;

/** Register calls and `MAP[key] = X` assignments that run at the top level of a statement. */
function registrationsIn(statement: ts.Statement, scope: ModuleScope): FoundRegistration[] {
  const { sourceFile } = scope;
  const found: FoundRegistration[] = [];

  // The imported values a loop iterates over, when it iterates over a literal list of them.
  let loopValues: RegistryEntry[] | undefined;
  let loopSource: string | undefined;
  const record = (registration: FoundRegistration | undefined) => {
    if (!registration) return;
    if (registration.loop && loopValues) registration.loopEntries = loopValues;
    if (registration.loop && loopSource) registration.loopSource = loopSource;
    found.push(registration);
  };
  const inLoop = (list: ts.Expression | undefined, body: () => void) => {
    const saved = [loopValues, loopSource] as const;
    loopValues = list ? importedElements(list, scope) : undefined;
    loopSource = list ? importedSource(list, scope) : undefined;
    body();
    [loopValues, loopSource] = saved;
  };
  const visit = (node: ts.Node, loop: boolean): void => {
    if (isFunctionLike(node)) return;
    if (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) {
      inLoop(ts.isForOfStatement(node) ? node.expression : undefined, () => ts.forEachChild(node, (child) => visit(child, true)));
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = effectiveCallee(node.expression);
      // `list.forEach((P) => register(P.id, P))`: the callback runs now, once per element.
      if (ts.isPropertyAccessExpression(callee) && /^(forEach|map)$/.test(callee.name.text)) {
        const callback = node.arguments[0] && unwrap(node.arguments[0]);
        const body = callback && isFunctionLike(callback) ? callback.body : undefined;
        if (body) inLoop(callee.expression, () => visit(body, true));
      }
      record(registerCall(node, scope, loop));
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)) {
      record(elementAssignment(node.left, node.right, scope, loop));
    }
    ts.forEachChild(node, (child) => visit(child, loop));
  };
  visit(statement, false);
  return found;

  function registerCall(call: ts.CallExpression, scope: ModuleScope, loop: boolean): FoundRegistration | undefined {
    const callee = effectiveCallee(call.expression);
    if (call.arguments.length === 1) return oneArgumentRegistration(call, callee, loop);
    if (call.arguments.length < 2) return undefined;
    let registry: string | undefined;
    let calleeLooksLikeRegister = false;
    if (ts.isIdentifier(callee)) {
      registry = callee.text;
      calleeLooksLikeRegister = /regist/i.test(callee.text);
    } else if (ts.isPropertyAccessExpression(callee)) {
      const root = rootIdentifier(callee.expression);
      registry = root?.text ?? callee.expression.getText(sourceFile);
      calleeLooksLikeRegister = REGISTER_METHOD.test(callee.name.text);
      if (root && (root.text === 'Object' || root.text === 'Reflect' || root.text === 'exports' || root.text === 'module')) return undefined;
    }
    if (!registry) return undefined;
    // tsc emits `(0, registry_1.registerProvider)(...)`: name it after the member.
    if (ts.isPropertyAccessExpression(callee) && scope.bindings.get(registry)?.imported === '*' && /^regist\w*[A-Z]/.test(callee.name.text)) {
      registry = callee.name.text;
    }
    const [keyArg, valueArg] = call.arguments as unknown as [ts.Expression, ts.Expression];
    const value = valueOf(valueArg, scope);
    if (!value && !(loop && calleeLooksLikeRegister)) return undefined;
    // `AWS.util.mixin(AWS.Request, AWS.SequentialExecutor)` passes imported values too, but registers nothing.
    if (!calleeLooksLikeRegister) return undefined;
    const line = lineOf(call, sourceFile);
    return { ...entryFor(registry, keyArg, value, line, loop), callee: calleeTextOf(callee) };
  }

  /**
   * `registerLanguage(require('./js'))`: the register function takes the key from the value, so
   * a manifest could only list the keys by loading every module. Found, and left eager.
   */
  function oneArgumentRegistration(call: ts.CallExpression, callee: ts.Expression, loop: boolean): FoundRegistration | undefined {
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name || !/^regist/i.test(name)) return undefined;
    const registry = ts.isIdentifier(callee) ? callee.text : rootIdentifier((callee as ts.PropertyAccessExpression).expression)?.text;
    const value = valueOf(call.arguments[0]!, scope);
    if (!registry || !value) return undefined;
    const line = lineOf(call, sourceFile);
    const written = calleeTextOf(callee);
    return {
      registry,
      callee: written,
      line,
      loop,
      entry: { module: value.imported.module, export: value.imported.export, valueShape: value.shape, line },
      blocker: `${written}(${call.arguments[0]!.getText(sourceFile).replace(/\s+/g, ' ')}) at line ${line} ${ONE_ARGUMENT_REASON}`,
    };
  }

  function calleeTextOf(callee: ts.Expression): string {
    return callee.getText(sourceFile).replace(/\s+/g, '');
  }

  function elementAssignment(target: ts.ElementAccessExpression, valueExpr: ts.Expression, scope: ModuleScope, loop: boolean): FoundRegistration | undefined {
    const root = rootIdentifier(target.expression);
    if (!root || root.text === 'exports' || root.text === 'module' || root.text === 'globalThis') return undefined;
    const value = valueOf(valueExpr, scope);
    if (!value) return undefined;
    return { ...entryFor(root.text, target.argumentExpression, value, lineOf(target, sourceFile), loop), element: target.getText(sourceFile).replace(/\s+/g, ' ') };
  }

  function entryFor(registry: string, keyArg: ts.Expression, value: { imported: ImportedValue; shape: RegistryEntry['valueShape'] } | undefined, line: number, loop: boolean): FoundRegistration {
    const key = unwrap(keyArg);
    const keyText = ts.isStringLiteralLike(key) || ts.isNumericLiteral(key) ? key.text : scope.constants ? constantKeyValue(key, scope.constants) : undefined;
    const entry: RegistryEntry | undefined = value
      ? { key: keyText, module: value.imported.module, export: value.imported.export, valueShape: value.shape, line }
      : undefined;
    const blocker = keyText === undefined && !loop ? `computed key \`${keyArg.getText(sourceFile)}\` at line ${line}${unknownConstantReason(keyArg, scope)}` : undefined;
    return { registry, line, loop, entry, blocker };
  }
}

/** `[A, B]` or a top-level `const LIST = [A, B]`: the imported values listed, as keyless entries. */
function importedElements(list: ts.Expression, scope: ModuleScope): RegistryEntry[] | undefined {
  let inner = unwrap(list);
  if (ts.isIdentifier(inner)) {
    const name = inner.text;
    const declaration = scope.sourceFile.statements
      .filter(ts.isVariableStatement)
      .flatMap((s) => [...s.declarationList.declarations])
      .find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (!declaration?.initializer) return undefined;
    inner = unwrap(declaration.initializer);
  }
  if (!ts.isArrayLiteralExpression(inner)) return undefined;
  const entries: RegistryEntry[] = [];
  for (const element of inner.elements) {
    const value = importedValue(element, scope);
    if (value) entries.push({ module: value.module, export: value.export, valueShape: 'reference', line: lineOf(element, scope.sourceFile) });
  }
  return entries;
}

function valueOf(expr: ts.Expression, scope: ModuleScope): { imported: ImportedValue; shape: RegistryEntry['valueShape'] } | undefined {
  const inner = unwrap(expr);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const target = factoryTarget(inner, scope);
    return target ? { imported: target, shape: 'factory' } : undefined;
  }
  const imported = importedValue(inner, scope);
  return imported ? { imported, shape: 'reference' } : undefined;
}

/** The module an iterated value is imported from: `manifest`, `Object.entries(manifest)`, `ns.manifest`. */
function importedSource(list: ts.Expression, scope: ModuleScope): string | undefined {
  let inner = unwrap(list);
  if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && ts.isIdentifier(inner.expression.expression) &&
    inner.expression.expression.text === 'Object' && inner.arguments.length === 1) {
    inner = unwrap(inner.arguments[0]!);
  }
  const root = rootIdentifier(inner);
  return root ? scope.bindings.get(root.text)?.module : undefined;
}

/**
 * Why a key written as `X.MEMBER` has no static value: `X` is imported (only the module's own
 * enums and `as const` objects are read) or can change. Empty for other computed keys.
 */
function unknownConstantReason(expression: ts.Expression, scope: ModuleScope): string {
  const expr = unwrap(expression);
  if (!(ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) || !ts.isIdentifier(expr.expression)) return '';
  const owner = expr.expression.text;
  const binding = scope.bindings.get(owner);
  if (binding) {
    // A named ES import is looked up in its module after every module has its facts (src/facts/imported-keys.ts).
    return binding.via === 'import' && binding.imported !== '*' && binding.imported !== 'default'
      ? `: \`${owner}\` is imported from ${binding.module}`
      : `: \`${owner}\` is ${binding.via === 'require' ? 'required' : 'imported whole'}, and lazify reads enum values only from named ES imports`;
  }
  if (scope.localNames.has(owner)) return `: \`${owner}\` is neither an enum nor an \`as const\` object, so the key is only known at run time`;
  return '';
}
