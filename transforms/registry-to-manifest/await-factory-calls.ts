// Native ESM factory maps: once each factory loads its provider with `import()`, a factory
// returns a promise. This makes the factory map's declared type say so, and puts an `await` at
// each call of a factory in a module that reads the map (`PROVIDER_FACTORIES[name](opts)`, or
// `factory(opts)` after `const factory = PROVIDER_FACTORIES[name]`). Calls already awaited stay.
import type { Collection, JSCodeshift } from 'jscodeshift';

const isPromiseType = (node: any) => node?.type === 'TSTypeReference' && node.typeName?.type === 'Identifier' && node.typeName.name === 'Promise';

/**
 * Makes the function types in the map's annotation return a promise: the annotation itself
 * (`Record<string, (o: O) => H>`) and type aliases of this file it names (`ProviderFactory`).
 */
export function loaderValueTypes(j: JSCodeshift, declarator: any): void {
  const annotation = declarator.id?.typeAnnotation?.typeAnnotation;
  const params = annotation?.type === 'TSTypeReference' && annotation.typeName?.name === 'Record' ? annotation.typeParameters?.params : undefined;
  if (!params || params.length !== 2 || params[1].type === 'TSFunctionType') return;
  // `Record<string, C>` -> `Record<string, () => Promise<C>>`.
  params[1] = (j(`let x: () => Promise<${j(params[1]).toSource()}>;`).get().node.program.body[0] as any).declarations[0].id.typeAnnotation.typeAnnotation;
}

export function promiseFactoryTypes(j: JSCodeshift, root: Collection, declarator: any): void {
  const annotation = declarator.id?.typeAnnotation?.typeAnnotation;
  if (!annotation) return;
  const aliases = new Set<string>();
  const functionTypes: any[] = [];
  j(annotation).find(j.TSTypeReference).forEach((p: any) => {
    if (p.node.typeName?.type === 'Identifier') aliases.add(p.node.typeName.name);
  });
  if (annotation.type === 'TSFunctionType') functionTypes.push(annotation);
  j(annotation).find(j.TSFunctionType).forEach((p: any) => functionTypes.push(p.node));
  root.find(j.TSTypeAliasDeclaration).forEach((p: any) => {
    if (aliases.has(p.node.id.name) && p.node.typeAnnotation?.type === 'TSFunctionType') functionTypes.push(p.node.typeAnnotation);
  });
  for (const fn of functionTypes) {
    // Babel names a function type's return annotation `typeAnnotation` (older: `returnType`).
    const holder = fn.typeAnnotation ?? fn.returnType;
    if (!holder?.typeAnnotation || isPromiseType(holder.typeAnnotation)) continue;
    holder.typeAnnotation = j.tsTypeReference(j.identifier('Promise'), j.tsTypeParameterInstantiation([holder.typeAnnotation]));
  }
}

/** Local names the registry is imported under in this module (`import { PROVIDER_FACTORIES as F }`). */
function importedNames(j: JSCodeshift, root: Collection, registry: string, fromRegistryFile: (specifier: string) => boolean): string[] {
  const names: string[] = [];
  root.find(j.ImportDeclaration).forEach((p: any) => {
    if (p.node.importKind === 'type' || !fromRegistryFile(String(p.node.source.value))) return;
    for (const s of p.node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier' && s.importKind !== 'type' && (s.imported.name ?? s.imported.value) === registry) names.push(s.local.name);
    }
  });
  return names;
}

const isMapRead = (node: any, maps: Set<string>) => node?.type === 'MemberExpression' && node.object.type === 'Identifier' && maps.has(node.object.name);

function enclosingFunction(path: any): any {
  for (let p = path.parent; p; p = p.parent) {
    if (/Function|ObjectMethod|ClassMethod/.test(p.node.type) && p.node.type !== 'TSFunctionType') return p.node;
  }
  return undefined;
}

/**
 * Awaits every factory call in a module that imports the map. Returns the lines of calls that
 * sit outside an async function (left as they are; the caller reports them), or undefined when
 * the module does not import the map.
 */
export function awaitFactoryCalls(j: JSCodeshift, root: Collection, registry: string, fromRegistryFile: (specifier: string) => boolean): { changed: boolean; notAsync: number[] } | undefined {
  const maps = new Set(importedNames(j, root, registry, fromRegistryFile));
  if (maps.size === 0) return undefined;
  return awaitCalls(j, root, maps);
}

/**
 * Object maps whose values became loaders (`() => Promise<Class>`): every read of a value
 * (`MAP[key]`, `MAP.key`) becomes `(await MAP[key]?.())` (`MAP[key]!` becomes `await MAP[key]!()`). Same result shape as awaitFactoryCalls.
 */
export function awaitObjectMapReads(j: JSCodeshift, root: Collection, registry: string, fromRegistryFile: (specifier: string) => boolean): { changed: boolean; notAsync: number[] } | undefined {
  const maps = new Set(importedNames(j, root, registry, fromRegistryFile));
  if (maps.size === 0) return undefined;
  let changed = false;
  const notAsync: number[] = [];
  root.find(j.MemberExpression).forEach((p: any) => {
    if (!isMapRead(p.node, maps)) return;
    let outer = p;
    while (outer.parent.node.type === 'TSNonNullExpression') outer = outer.parent;
    // Already a loader call (a second run), or an assignment target: leave it.
    if (/^(Optional)?CallExpression$/.test(outer.parent.node.type) && outer.parent.node.callee === outer.node) return;
    if (outer.parent.node.type === 'AssignmentExpression' && outer.parent.node.left === outer.node) return;
    if (!enclosingFunction(p)?.async) {
      notAsync.push(p.node.loc?.start.line ?? 0);
      return;
    }
    // recast would keep the read's own parentheses inside the new call: `(await (M[k])())`.
    if (outer.node.extra?.parenthesized) outer.node.extra = { ...outer.node.extra, parenthesized: false };
    // `MAP[k]?.()`: a key that is not in the map still reads as undefined (`if (!MAP[k])`);
    // after `MAP[k]!` the code already asserts the key is there.
    const call = outer === p ? j.optionalCallExpression(outer.node, [], true) : j.callExpression(outer.node, []);
    outer.replace(j.awaitExpression(call));
    changed = true;
  });
  return { changed, notAsync };
}

function awaitCalls(j: JSCodeshift, root: Collection, maps: Set<string>): { changed: boolean; notAsync: number[] } {
  // `const factory = MAP[key]`: calls of `factory` in the same function are factory calls.
  const aliases = new Map<string, any>();
  root.find(j.VariableDeclarator).forEach((p: any) => {
    if (p.node.id.type === 'Identifier' && isMapRead(p.node.init, maps)) aliases.set(p.node.id.name, enclosingFunction(p));
  });
  let changed = false;
  const notAsync: number[] = [];
  root.find(j.CallExpression).forEach((p: any) => {
    let callee = p.node.callee;
    while (callee.type === 'TSNonNullExpression') callee = callee.expression;
    const direct = isMapRead(callee, maps);
    const viaAlias = callee.type === 'Identifier' && aliases.has(callee.name) && aliases.get(callee.name) === enclosingFunction(p);
    if (!direct && !viaAlias) return;
    if (p.parent.node.type === 'AwaitExpression') return;
    const fn = enclosingFunction(p);
    if (!fn?.async) {
      notAsync.push(p.node.loc?.start.line ?? 0);
      return;
    }
    p.replace(j.awaitExpression(p.node));
    changed = true;
  });
  return { changed, notAsync };
}
