// Reads a registry's entries straight from the source, so the transform needs no more than
// the registry's name and shape (and runs the same under the jscodeshift CLI).
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isRequireCall } from '../shared-lazy-loading/binding-uses.js';
import { bindingSources, type BindingSource } from '../shared-lazy-loading/lazy-reference.js';
import { constantKeyValue, constantMemberValues } from '../shared-lazy-loading/constant-keys.js';
import type { valueKeyReader } from './value-keys.js';

/** One key of the registry and where its value comes from. */
export interface CollectedEntry {
  key: string;
  source: BindingSource;
  /** The local binding the entry names (absent for an inline `require('./x')`). */
  local?: string;
  /** The AST path of the property (maps) or the call statement (register-calls). */
  path: ASTPath<any>;
}

/** Entries found, and the keys left eager with why. */
export interface CollectedRegistry {
  entries: CollectedEntry[];
  /** Keys (or lines) that stay as they are, with the reason. */
  skipped: string[];
  /** The map's object literal (object-map / factory-map), when found. */
  object?: ASTPath<any>;
  /** The map's declarator (`NAME: Type = { ... }`), when found. */
  declarator?: ASTPath<any>;
}

/**
 * The key of an object property as a string, when it is static. `__proto__: X` (bare or quoted,
 * not shorthand or a method) has none: it sets the object's prototype and makes no key.
 */
export function propertyKey(prop: any, constants?: ReadonlyMap<string, string>): string | undefined {
  // `[Providers.OPENAI]`: an enum or `as const` member is as static as the literal it holds.
  if (prop.computed) return constants ? constantKeyValue(prop.key, constants) : undefined;
  if (setsPrototype(prop)) return undefined;
  if (prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'StringLiteral' || prop.key.type === 'NumericLiteral' || prop.key.type === 'Literal') return String(prop.key.value);
  return undefined;
}

function setsPrototype(prop: any): boolean {
  if (prop.computed || prop.shorthand || prop.method || !(prop.type === 'ObjectProperty' || prop.type === 'Property')) return false;
  return (prop.key.type === 'Identifier' ? prop.key.name : prop.key.value) === '__proto__';
}

/** Source text of a callee: `registerProvider`, `registry.register`; tsc's `(0, registry_1.register)` reads as `registry_1.register`. */
export function calleeText(node: any): string | undefined {
  node = unwrap(node);
  // The `0` is a NumericLiteral, or a Literal under the babel parser (.js files).
  const zero = (first: any) => first.type === 'NumericLiteral' || (first.type === 'Literal' && typeof first.value === 'number');
  if (node?.type === 'SequenceExpression' && node.expressions.length === 2 && zero(node.expressions[0])) node = unwrap(node.expressions[1]);
  if (node?.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
    return `${node.object.name}.${node.property.name}`;
  }
  return undefined;
}

/** Unwraps `x as const`, `x satisfies T`, `(x)`. */
function unwrap(node: any): any {
  while (node && (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'ParenthesizedExpression')) node = node.expression;
  return node;
}

type BindingLookup = ReturnType<typeof bindingSources>;

/** The value source of an expression: an imported binding, `require('./x')` or `require('./x').X`. */
function valueSource(lookup: BindingLookup, node: any): { source: BindingSource; local?: string } | undefined {
  node = unwrap(node);
  if (node?.type === 'Identifier') {
    const source = lookup(node.name);
    return source && !source.typeOnly ? { source, local: node.name } : undefined;
  }
  if (isRequireCall(node)) return { source: { module: node.arguments[0].value, imported: '*', typeOnly: false } };
  // tsc's CommonJS: `const x_1 = require("./x")` then `x_1.X`, a read of the required module.
  if (node?.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
    const source = lookup(node.object.name);
    if (source && isPlainRequire(source)) return { source: { ...source, imported: node.property.name }, local: node.object.name };
    // `const x_1 = __importDefault(require("./x"))` then `x_1.default` (`__importStar` also gives named reads).
    const helper = source?.interop && source.imported === '*' && !source.interop.extraArgs.length ? source.interop.callee : undefined;
    if (source && helper && (DEFAULT_HELPERS.has(helper) || STAR_HELPERS.has(helper))) {
      const name = node.property.name;
      if (name === 'default') return { source: { module: source.module, imported: 'default', typeOnly: false, esModuleDefault: true }, local: node.object.name };
      if (STAR_HELPERS.has(helper)) return { source: { module: source.module, imported: name, typeOnly: false }, local: node.object.name };
    }
  }
  if (node?.type === 'MemberExpression' && !node.computed && isRequireCall(node.object) && node.property.type === 'Identifier') {
    return { source: { module: node.object.arguments[0].value, imported: node.property.name, typeOnly: false } };
  }
  return undefined;
}

/** tsc's and Babel's interop helpers: `x.default` is the module's default if it is an ES module, else the module. */
const DEFAULT_HELPERS = new Set(['__importDefault', '_interopRequireDefault']);
/** ... and these copy a CommonJS module's own properties too, so `x.Name` is the module's `Name`. */
const STAR_HELPERS = new Set(['__importStar', '_interopRequireWildcard']);

/** A whole module bound by a plain `const x = require('m')` (no interop helper, no import). */
const isPlainRequire = (source: BindingSource) => source.imported === '*' && !source.fromImport && !source.interop && !source.typeOnly;

/** `{...}` at the end of `a = b = {...}`. */
function assignedObject(node: any): any {
  let inner = unwrap(node);
  while (inner?.type === 'AssignmentExpression' && inner.operator === '=') inner = unwrap(inner.right);
  return inner?.type === 'ObjectExpression' ? inner : undefined;
}

/**
 * How facts name a map assigned at the top level (src/facts/detect-registries.ts
 * `objectMapTarget`): `module.exports`, `rules` for `exports.rules` / `module.exports.rules`,
 * `index.rules` for a local object's property.
 */
function assignmentTargetName(left: any): string | undefined {
  if (left?.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
  const object = left.object;
  const isModuleExports = (node: any) => node?.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'module' && node.property.name === 'exports';
  if (isModuleExports(left)) return 'module.exports';
  if ((object.type === 'Identifier' && object.name === 'exports') || isModuleExports(object)) return left.property.name;
  if (object.type === 'Identifier' && !['module', 'exports', 'globalThis', 'window', 'global'].includes(object.name)) return `${object.name}.${left.property.name}`;
  return undefined;
}

/**
 * Finds the top-level map named `name`: `const NAME = { ... }` (also `var rules = exports.rules =
 * { ... }`), or an assignment statement `module.exports = { ... }`, `exports.NAME = { ... }`,
 * `index.rules = { ... }`. Returns the declarator or the assignment.
 */
export function findMapObject(j: JSCodeshift, root: Collection, name: string): ASTPath<any> | undefined {
  let found: ASTPath<any> | undefined;
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).forEach((path) => {
    if (!assignedObject(path.node.init)) return;
    // Only top-level maps: `const` directly in the program or under `export`.
    const statement = path.parent.parent;
    if (statement.node.type === 'Program' || statement.node.type === 'ExportNamedDeclaration') found = path;
  });
  if (found) return found;
  root.find(j.ExpressionStatement).forEach((path) => {
    if (found || path.parent.node.type !== 'Program') return;
    const expression = path.node.expression as any;
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || !assignedObject(expression.right)) return;
    if (assignmentTargetName(expression.left) === name) found = path.get('expression');
  });
  return found;
}

/** The map's object literal under what {@link findMapObject} found. */
function mapObjectPath(j: JSCodeshift, declarator: ASTPath<any>): ASTPath<any> {
  const object = assignedObject(declarator.node.type === 'VariableDeclarator' ? declarator.node.init : declarator.node.right);
  return j(declarator).find(j.ObjectExpression).filter((p) => p.node === object).paths()[0]!;
}

/**
 * The object literal of map `name` and, for a top-level map, its declarator or assignment. A
 * dotted name no top-level map has is a literal nested under plain keys, as facts name it
 * (`plugin.rules` in `const plugin = { rules: { ... } }`).
 */
function findMap(j: JSCodeshift, root: Collection, name: string): { object: ASTPath<any>; declarator?: ASTPath<any> } | undefined {
  const declarator = findMapObject(j, root, name);
  if (declarator) return { object: mapObjectPath(j, declarator), declarator };
  const dot = name.lastIndexOf('.');
  const holder = dot > 0 ? findMap(j, root, name.slice(0, dot)) : undefined;
  if (!holder) return undefined;
  const key = name.slice(dot + 1);
  const index = (holder.object.node.properties as any[]).findIndex((prop) =>
    (prop.type === 'ObjectProperty' || prop.type === 'Property') && !prop.computed && propertyKey(prop) === key && unwrap(prop.value)?.type === 'ObjectExpression');
  if (index < 0) return undefined;
  const value = holder.object.get('properties', index, 'value');
  return { object: j(value).find(j.ObjectExpression).filter((p) => p.node === unwrap(value.node)).paths()[0] ?? value };
}

/** Collects an object map's entries: `{ 'gpt-': OpenAIHandler }`. */
export function collectObjectMap(j: JSCodeshift, root: Collection, name: string, importedConstants?: ReadonlyMap<string, string>): CollectedRegistry {
  const map = findMap(j, root, name);
  if (!map) return { entries: [], skipped: [`no top-level object literal named ${name}`] };
  const { object, declarator } = map;
  const constants = new Map([...(importedConstants ?? []), ...constantMemberValues(j, root)]);
  const entries: CollectedEntry[] = [];
  const skipped: string[] = [];
  const lookup = bindingSources(j, root);
  for (const [index, prop] of (object.node.properties as any[]).entries()) {
    const path = object.get('properties', index);
    const key = prop.type === 'ObjectProperty' || prop.type === 'Property' ? propertyKey(prop, constants) : undefined;
    if (key === undefined) {
      const what = prop.type === 'SpreadElement' ? 'a spread' : setsPrototype(prop) ? '`__proto__:` (it sets the prototype, it is not a key)' : 'a computed key';
      skipped.push(`${what} at line ${prop.loc?.start.line ?? '?'} stays eager`);
      continue;
    }
    const found = valueSource(lookup, prop.value);
    if (!found) {
      skipped.push(`key "${key}" is not an imported value and stays eager`);
      continue;
    }
    entries.push({ key, ...found, path });
  }
  return { entries, skipped, object, declarator };
}

/** Collects a factory map's entries: `{ openai: (o) => new OpenAIHandler(o) }`, one imported value per factory. */
export function collectFactoryMap(j: JSCodeshift, root: Collection, name: string, ignore: string[] = [], importedConstants?: ReadonlyMap<string, string>): CollectedRegistry {
  const map = findMap(j, root, name);
  if (!map) return { entries: [], skipped: [`no top-level object literal named ${name}`] };
  const { object, declarator } = map;
  const constants = new Map([...(importedConstants ?? []), ...constantMemberValues(j, root)]);
  const entries: CollectedEntry[] = [];
  const skipped: string[] = [];
  const lookup = bindingSources(j, root);
  for (const [index, prop] of (object.node.properties as any[]).entries()) {
    const path = object.get('properties', index);
    const key = propertyKey(prop, constants);
    const fn = prop.type === 'ObjectMethod' ? prop : unwrap(prop.value);
    if (key === undefined || !fn || !/Function|ArrowFunction|ObjectMethod/.test(fn.type)) {
      skipped.push(`entry at line ${prop.loc?.start.line ?? '?'} is not a keyed factory function and stays eager`);
      continue;
    }
    const sources = new Map<string, BindingSource>();
    j(fn.body).find(j.Identifier).forEach((idPath) => {
      const parent = idPath.parent.node;
      if ((parent.type === 'MemberExpression' && parent.property === idPath.node && !parent.computed) || (parent.type === 'ObjectProperty' && parent.key === idPath.node)) return;
      if (ignore.includes(idPath.node.name)) return;
      const source = lookup(idPath.node.name);
      if (source && !source.typeOnly && isImportedValueModule(source)) sources.set(idPath.node.name, source);
    });
    const relative = [...sources].filter(([, s]) => s.module.startsWith('.'));
    if (relative.length !== 1) {
      skipped.push(`factory "${key}" uses ${relative.length === 0 ? 'no' : 'more than one'} imported provider and stays as it is`);
      continue;
    }
    entries.push({ key, source: relative[0][1], local: relative[0][0], path });
  }
  return { entries, skipped, object, declarator };
}

const isImportedValueModule = (source: BindingSource) => source.module.length > 0;

/**
 * Collects top-level `register('name', Value)` calls made through `callee`; with `valueKeys`,
 * also one-argument `register(Value)` calls whose key the value's module states as a literal.
 */
export function collectRegisterCalls(j: JSCodeshift, root: Collection, callee: string, valueKeys?: ValueKeys): CollectedRegistry {
  const entries: CollectedEntry[] = [];
  const skipped: string[] = [];
  const lookup = bindingSources(j, root);
  root.find(j.ExpressionStatement).forEach((path) => {
    if (path.parent.node.type !== 'Program') return;
    const call = path.node.expression as any;
    if (call.type !== 'CallExpression' || calleeText(call.callee) !== callee) return;
    if (call.arguments.length === 1) {
      const found = valueSource(lookup, call.arguments[0]);
      const known = found && valueKeys ? valueKeys.keyOf(found.source) : undefined;
      if (!found || !known || 'reason' in known) {
        const why = known && 'reason' in known ? `: ${known.reason}` : '';
        skipped.push(`the call at line ${call.loc?.start.line ?? '?'} takes its key from the registered value${why}, and stays eager`);
        return;
      }
      entries.push({ key: known.key, ...found, path });
      return;
    }
    const [nameArg, valueArg] = call.arguments;
    const key = nameArg && (nameArg.type === 'StringLiteral' || nameArg.type === 'Literal') && typeof nameArg.value === 'string' ? nameArg.value : undefined;
    const found = valueArg && valueSource(lookup, valueArg);
    if (key === undefined || !found || call.arguments.length !== 2) {
      skipped.push(`the call at line ${call.loc?.start.line ?? '?'} has no literal name or no imported value and stays eager`);
      return;
    }
    entries.push({ key, ...found, path });
  });
  return { entries, skipped };
}

/** Collects entries of any shape; `ignore` names bindings that are not providers (the manifest itself). */
export function collectRegistry(j: JSCodeshift, root: Collection, shape: string, registry: string, ignore: string[] = [], from: { valueKeys?: ValueKeys; importedConstants?: ReadonlyMap<string, string> } = {}): CollectedRegistry {
  if (shape === 'object-map') return collectObjectMap(j, root, registry, from.importedConstants);
  if (shape === 'factory-map') return collectFactoryMap(j, root, registry, ignore, from.importedConstants);
  return collectRegisterCalls(j, root, registry, from.valueKeys);
}

/** Reads the key of a one-argument register call's value ({@link valueKeyReader}). */
export type ValueKeys = ReturnType<typeof valueKeyReader>;
