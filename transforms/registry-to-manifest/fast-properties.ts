// An object map converted for synchronous loading holds a getter per key. V8 keeps an object
// literal with getters in dictionary mode, where `Object.keys(MAP)` and `MAP[k]` cost several
// times what they cost on the original literal of values, on every call of the hot function
// that looks a provider up. The manifest module exports a helper that copies the literal's
// properties one by one onto a new object, which V8 keeps in fast mode, and makes each entry's
// getter replace itself with the value it loaded: after its first read a key is a plain data
// property again, with no getter call on the hot path.
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { LoaderSyntax } from '../shared-lazy-loading/lazy-reference.js';
import type { CollectedRegistry } from './collect-entries.js';
import type { RegistryToManifestOptions } from './options.js';

/** The helper's exported name. */
export const FAST_PROPERTIES = 'withFastProperties';

/**
 * The helper's text in the manifest; `commonjs` for a JavaScript manifest that assigns
 * `exports`. The copy is made by a constructor of its own, so its properties start a shape no
 * other object shares: defining the same key with another getter on a plain `{}` (a second map
 * with the same first key) would send that object to dictionary mode too. The prototype stays
 * the literal's, so the copy reads as the plain object it was. Only the manifest's keys
 * (`entries`) settle into values, on their first read (the value loaded) or write (the value
 * written, as assigning to the literal's property did): a getter the literal had of its own stays
 * a getter. A key settles only while the helper's accessor is its property and can be redefined
 * (a frozen map keeps its getters; a property someone redefined stays theirs).
 */
export function fastPropertiesHelperText(typescript: boolean, syntax: LoaderSyntax, commonjs: boolean): string[] {
  const doc = [
    '/**',
    ' * `object` with the same properties, defined one by one: V8 keeps an object literal with',
    ' * getters in dictionary mode, where every read and `Object.keys` is several times slower.',
    ' * A key of `entries` (the manifest) becomes a plain value on its first read or write.',
    ' */',
  ];
  if (typescript) {
    return [
      ...doc,
      `export function ${FAST_PROPERTIES}<T extends object>(entries: object, object: T): T {`,
      `  const Copy = function () {} as unknown as new () => T;`,
      `  Copy.prototype = Object.getPrototypeOf(object);`,
      `  const copy = new Copy();`,
      `  for (const key of Object.getOwnPropertyNames(object)) {`,
      `    const property = Object.getOwnPropertyDescriptor(object, key)!;`,
      `    const load = property.get;`,
      `    if (load && !property.set && Object.prototype.hasOwnProperty.call(entries, key)) {`,
      `      const settle = (value: unknown): unknown => {`,
      `        const now = Object.getOwnPropertyDescriptor(copy, key);`,
      `        if (now && now.get === property.get && now.configurable) {`,
      `          Object.defineProperty(copy, key, { value, writable: true, enumerable: now.enumerable === true, configurable: true });`,
      `        }`,
      `        return value;`,
      `      };`,
      `      property.get = function (this: unknown) { return settle(load.call(this)); };`,
      `      property.set = settle;`,
      `    }`,
      `    Object.defineProperty(copy, key, property);`,
      `  }`,
      `  return copy;`,
      `}`,
    ];
  }
  const declare = syntax === 'es5' ? 'var' : 'const';
  return [
    ...doc,
    `${commonjs ? '' : 'export '}function ${FAST_PROPERTIES}(entries, object) {`,
    `  function Copy() {}`,
    `  Copy.prototype = Object.getPrototypeOf(object);`,
    `  ${declare} copy = new Copy();`,
    `  Object.getOwnPropertyNames(object).forEach(function (key) {`,
    `    ${declare} property = Object.getOwnPropertyDescriptor(object, key);`,
    `    ${declare} load = property.get;`,
    `    if (load && !property.set && Object.prototype.hasOwnProperty.call(entries, key)) {`,
    `      ${declare} settle = function (value) {`,
    `        ${declare} now = Object.getOwnPropertyDescriptor(copy, key);`,
    `        if (now && now.get === property.get && now.configurable) {`,
    `          Object.defineProperty(copy, key, { value: value, writable: true, enumerable: now.enumerable, configurable: true });`,
    `        }`,
    `        return value;`,
    `      };`,
    `      property.get = function () { return settle(load.call(this)); };`,
    `      property.set = settle;`,
    `    }`,
    `    Object.defineProperty(copy, key, property);`,
    `  });`,
    `  return copy;`,
    `}`,
    ...(commonjs ? [`exports.${FAST_PROPERTIES} = ${FAST_PROPERTIES};`] : []),
  ];
}

/**
 * True when the copy keeps every property of `object` (an object literal's node): the helper
 * copies string keys, so a spread, or a computed key that is not one of the converted entries'
 * static keys (`converted`), may carry a symbol and keeps the literal as it is.
 */
function copiesWhole(object: any, converted: ReadonlySet<unknown>): boolean {
  return object.properties.every((prop: any) => !/Spread/.test(prop.type) && (!prop.computed || converted.has(prop)));
}

/**
 * True when the registry file's object map goes through the helper: an object map loading
 * synchronously (its values are getters), with every property copied.
 */
export function usesFastProperties(collected: CollectedRegistry, options: Pick<RegistryToManifestOptions, 'shape' | 'moduleFormat'>): boolean {
  if (options.shape !== 'object-map' || options.moduleFormat === 'esm' || !collected.object || collected.entries.length === 0) return false;
  return copiesWhole(collected.object.node, new Set(collected.entries.map((entry) => entry.path.node)));
}

/**
 * `MAP = {...}` becomes `MAP = helper(manifest, {...})`; a type assertion on the literal
 * (`as const`) goes inside the call.
 */
export function wrapInFastCopy(j: JSCodeshift, object: ASTPath<any>, helper: string, manifest: string): void {
  let outer = object;
  while (ASSERTIONS.has(outer.parent?.node.type) && outer.parent.node.expression === outer.node) outer = outer.parent;
  outer.replace(j.callExpression(j.identifier(helper), [j.identifier(manifest), outer.node]));
}

const ASSERTIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSNonNullExpression']);
