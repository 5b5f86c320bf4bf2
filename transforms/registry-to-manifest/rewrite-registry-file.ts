// Rewrites the file that holds a registry so every entry goes through the manifest's loader:
// object maps get a getter per key, factory maps load inside the factory, register calls
// become one loop registering loaders. The providers' eager imports go away.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { calledInteropHelpers, pruneInteropHelpers } from '../shared-lazy-loading/interop-helpers.js';
import { pruneUnusedImports } from '../shared-lazy-loading/binding-uses.js';
import { memberText, propertyKeyText, stringLiteral } from '../shared-lazy-loading/js-literal.js';
import { parseExpression, type LoaderSyntax } from '../shared-lazy-loading/lazy-reference.js';
import { splicePlaceholder } from '../shared-lazy-loading/print-source.js';
import { carryComments } from '../shared-lazy-loading/replace-reference.js';
import { unusedName } from '../shared-lazy-loading/unused-name.js';
import { loaderValueTypes, promiseFactoryTypes } from './await-factory-calls.js';
import type { CollectedRegistry } from './collect-entries.js';
import type { RegistryToManifestOptions } from './options.js';
import { isTypeScriptPath, manifestBindingName, manifestSpecifier } from './render-manifest.js';
import { loaderFunctionName } from './loader-function-name.js';
import { FAST_PROPERTIES, usesFastProperties, wrapInFastCopy } from './fast-properties.js';


/** Rewrites the registry file; returns false when nothing could be converted. */
export function rewriteRegistryFile(j: JSCodeshift, root: Collection, collected: CollectedRegistry, options: RegistryToManifestOptions, path: string, syntax: LoaderSyntax = 'es2015'): boolean {
  if (collected.entries.length === 0) return false;
  const typescript = isTypeScriptPath(path);
  // The compiler's interop helpers the file calls now: those the rewrite leaves uncalled go with the requires.
  const interopHelpers = typescript ? new Set<string>() : calledInteropHelpers(j, root);
  // The file may already use the manifest's export name for something of its own: import under another.
  const exported = manifestBindingName(options);
  const manifest = unusedName(j, root, exported);
  const locals = collected.entries.flatMap((e) => (e.local ? [e.local] : []));
  // `[Providers.OPENAI]` becomes the literal it stands for: an imported enum may have no use left.
  for (const entry of collected.entries) {
    const key = entry.path.node.computed ? entry.path.node.key : undefined;
    if (key?.type === 'MemberExpression' && key.object.type === 'Identifier') locals.push(key.object.name);
  }
  // Statements that go right after the manifest import (the register-calls loop).
  const afterImport: any[] = [];
  // Names the registry file imports from the manifest: the manifest, and the fast-copy helper.
  const imported: Array<[exported: string, local: string]> = [[exported, manifest]];
  // Read before the entries change: whether every property of the map is one the copy keeps.
  const fastCopy = usesFastProperties(collected, options);

  if (options.shape === 'object-map') {
    for (const entry of collected.entries) {
      // A getter keeps the map's keys enumerable and its values synchronous; the provider's
      // module loads on the first read of its key.
      if (options.moduleFormat === 'esm') {
        entry.path.node.value = parseExpression(j, `() => ${memberText(manifest, entry.key)}.load()`);
      } else if (entry.path.node.type === 'ObjectProperty' || entry.path.node.type === 'Property') {
        // Spliced in as text: the property keeps its place, comments and trailing comma.
        const getter = splicePlaceholder(j, root, `get ${propertyKeyText(entry.key)}() { return ${memberText(manifest, entry.key)}.load(); }`);
        Object.assign(entry.path.node, { key: getter, value: getter, computed: false, shorthand: false });
      } else {
        const getter = parseExpression(j, `{ get ${propertyKeyText(entry.key)}() { return ${memberText(manifest, entry.key)}.load(); } }`).properties[0];
        carryComments(entry.path.node, getter);
        entry.path.replace(getter);
      }
    }
    if (options.moduleFormat === 'esm' && collected.declarator) loaderValueTypes(j, collected.declarator.node);
    if (fastCopy) {
      const helper = unusedName(j, root, FAST_PROPERTIES);
      wrapInFastCopy(j, collected.object!, helper, manifest);
      imported.push([FAST_PROPERTIES, helper]);
    }
  } else if (options.shape === 'factory-map') {
    for (const entry of collected.entries) {
      const fn = entry.path.node.type === 'ObjectMethod' ? entry.path.node : entry.path.node.value;
      const loaded = options.moduleFormat === 'esm' ? `(await ${memberText(manifest, entry.key)}.load())` : `${memberText(manifest, entry.key)}.load()`;
      j(fn.body)
        .find(j.Identifier, { name: entry.local })
        .filter((p) => !(p.parent.node.type === 'MemberExpression' && p.parent.node.property === p.node && !p.parent.node.computed))
        .forEach((p) => {
          p.replace(parseExpression(j, loaded));
        });
      if (options.moduleFormat === 'esm') fn.async = true;
    }
    if (options.moduleFormat === 'esm' && collected.declarator) promiseFactoryTypes(j, root, collected.declarator.node);
  } else {
    const registerCallee = options.registry;
    const loaderCallee = registerCallee.includes('.')
      ? registerCallee.replace(/\.([^.]+)$/, (_, fn: string) => `.${loaderFunctionName(fn)}`)
      : loaderFunctionName(registerCallee);
    const loop = registerLoop(manifest, loaderCallee, syntax, options.syntaxLevel ?? Infinity);
    afterImport.push(j(loop).get().node.program.body[0]);
    for (const entry of collected.entries) entry.path.prune();
    if (!registerCallee.includes('.')) {
      addNamedImportBeside(j, root, registerCallee, loaderCallee);
      locals.push(registerCallee);
    }
  }

  pruneUnusedImports(j, root, locals, typescript);
  pruneInteropHelpers(j, root, interopHelpers);
  const specifier = manifestSpecifier(options);
  const commonjs = commonjsFormat(options, typescript);
  insertManifestImport(j, root, manifestImportText(imported, specifier, commonjs, syntax), specifier, commonjs, afterImport, imported.map(([, local]) => local));
  return true;
}

/**
 * The loop registering every manifest entry's loader. `Object.entries` and destructuring need
 * ES2017; below that the keys are read with `Object.keys`, and ES5 loops with `forEach`.
 */
function registerLoop(manifest: string, loaderCallee: string, syntax: LoaderSyntax, level: number): string {
  if (syntax === 'es5') return `Object.keys(${manifest}).forEach(function (name) { ${loaderCallee}(name, ${manifest}[name].load); });`;
  if (level < 2017) return `for (const name of Object.keys(${manifest})) ${loaderCallee}(name, ${manifest}[name].load);`;
  return `for (const [name, entry] of Object.entries(${manifest})) ${loaderCallee}(name, entry.load);`;
}

/**
 * `import { M } from './x.manifest'`, `const { M } = require(...)`, or in ES5 `var M = require(...).M`
 * (a line a name); each name under its local when that is taken.
 */
function manifestImportText(names: Array<[exported: string, local: string]>, specifier: string, commonjs: boolean, syntax: LoaderSyntax): string {
  const spec = stringLiteral(specifier);
  if (commonjs && syntax === 'es5') return names.map(([exported, local]) => `var ${local} = require(${spec}).${exported};`).join('\n');
  const binding = (separator: string) => names.map(([exported, local]) => (local === exported ? local : `${exported}${separator}${local}`)).join(', ');
  if (!commonjs) return `import { ${binding(' as ')} } from ${spec};`;
  return `const { ${binding(': ')} } = require(${spec});`;
}

const commonjsFormat = (options: RegistryToManifestOptions, typescript: boolean) => options.moduleFormat === 'cjs' && !typescript;

/** Adds `name` to the import (or destructuring require) that binds `beside`. */
function addNamedImportBeside(j: JSCodeshift, root: Collection, beside: string, name: string): void {
  let added = false;
  root.find(j.ImportDeclaration).forEach((path) => {
    const specifiers = path.node.specifiers ?? [];
    if (added || !specifiers.some((s) => s.local?.name === beside)) return;
    if (!specifiers.some((s) => s.local?.name === name)) specifiers.push(j.importSpecifier(j.identifier(name)));
    added = true;
  });
  if (added) return;
  root.find(j.ObjectPattern).forEach((path) => {
    if (added || !path.node.properties.some((p: any) => (p.value ?? p.key)?.name === beside)) return;
    const prop = j.objectProperty(j.identifier(name), j.identifier(name));
    (prop as any).shorthand = true;
    path.node.properties.push(prop as any);
    added = true;
  });
  if (added) return;
  // ES5: `var registerProvider = require('../registry').registerProvider;` gains a twin declaration.
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name: beside } }).forEach((path) => {
    const init = path.node.init as any;
    if (added || path.parent.parent.node.type !== 'Program' || init?.type !== 'MemberExpression' || init.computed || init.property.name !== beside) return;
    const twin = j(`var ${name} = ${j(init.object).toSource()}.${name};`).get().node.program.body[0];
    twin.loc = null;
    path.parent.insertAfter(twin);
    added = true;
  });
}

/**
 * Imports the manifest (`text`, binding `locals`) after the file's last import, or in CommonJS
 * after its last top-level require that comes before the first statement using one of `locals`
 * (a require further down would run after the registry reads the manifest: es-abstract's
 * `var TypeToAO = {...}` sits between its requires).
 */
function insertManifestImport(j: JSCodeshift, root: Collection, text: string, specifier: string, commonjs: boolean, after: any[], locals: readonly string[]): void {
  const already = root.find(j.ImportDeclaration, { source: { value: specifier } }).size() > 0 || root.find(j.Literal, { value: specifier }).size() > 0;
  if (already) return;
  const statements = j(text).get().node.program.body as any[];
  const body = root.get().node.program.body as any[];
  const firstUse = body.findIndex((node) => j(node).find(j.Identifier).some((path) => locals.includes(path.node.name)));
  let index = 0;
  body.forEach((node, i) => {
    if (node.type === 'ImportDeclaration') index = i + 1;
    if (commonjs && (firstUse === -1 || i < firstUse) && node.type === 'VariableDeclaration' && node.declarations.some((d: any) => isRequireValue(d.init))) index = i + 1;
    if (i === 0 && node.type === 'ExpressionStatement' && node.directive) index = Math.max(index, 1);
    if (node.type === 'ExpressionStatement' && node.expression?.type === 'StringLiteral' && i === index) index = i + 1; // 'use strict'
  });
  // Nodes parsed from another snippet carry that snippet's positions; without them recast
  // lays the new statements out on their own lines.
  for (const node of [...statements, ...after]) node.loc = null;
  body.splice(index, 0, ...statements, ...after);
}

/**
 * `require('x')`, `require('x').y` or `_interopRequireDefault(require('x'))`: a declaration that
 * loads a module. An object literal with requires inside (`const plugin = { rules: { a: require('./a') } }`)
 * is not one: the manifest import goes before it.
 */
function isRequireValue(node: any): boolean {
  if (node?.type === 'MemberExpression') return isRequireValue(node.object);
  if (node?.type !== 'CallExpression') return false;
  if (node.callee.type === 'Identifier' && node.callee.name === 'require') return true;
  return node.arguments.length === 1 && isRequireValue(node.arguments[0]);
}
