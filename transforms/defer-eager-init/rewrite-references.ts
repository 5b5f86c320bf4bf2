// Rewrites a project file's uses of a deferred value: `import { encoder }` becomes
// `import { getEncoder }` and each read `getEncoder()`. The accessor is imported from the
// declaring module itself: re-export lists are left alone, so no module (the entry above all)
// gains an export. CommonJS re-exports of the old name stay lazy through its getter.
import { posix } from 'node:path';
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { isTypePosition } from '../shared-lazy-loading/binding-uses.js';
import { valueReferences } from '../shared-lazy-loading/defer-binding.js';
import { parseExpression } from '../shared-lazy-loading/lazy-reference.js';
import { replaceReference } from '../shared-lazy-loading/replace-reference.js';
import { resolveRelativeModule } from '../shared-lazy-loading/resolve-relative-module.js';
import { findValueProviders, type ValueProviders } from './find-declaring-module.js';
import { rewriteTypeQueries } from './rewrite-type-queries.js';
import { accessorName, type DeferEagerInitOptions } from './options.js';

/** Rewrites one importer; `providers` are the files that declare or re-export the value. Returns true when changed. */
export function rewriteReferences(j: JSCodeshift, root: Collection, file: string, providers: ValueProviders, options: DeferEagerInitOptions, project: ProjectReader): boolean {
  const { name } = options;
  const accessor = accessorName(name);
  // A module provides the value when it is on the chain from options.file, or when its own
  // re-exports lead to the same declaration (a shim the split left, a barrel).
  const fromProvider = (specifier: unknown) => {
    if (typeof specifier !== 'string') return false;
    const target = resolveRelativeModule(file, specifier, project);
    if (!target) return false;
    return providers.files.has(target) || (!!providers.declaring && findValueProviders(target, name, project).declaring === providers.declaring);
  };
  // CommonJS re-exporters do not export the accessor: it is imported from the declaring module.
  // Native ESM (an accepted API change) replaced the name by the accessor in every re-export list.
  const fromDeclaring = (specifier: unknown) =>
    options.moduleFormat === 'esm' || (typeof specifier === 'string' && !!providers.declaring && resolveRelativeModule(file, specifier, project) === providers.declaring);
  const declaringSpecifier = (written: string) => {
    let spec = posix.relative(posix.dirname(file), providers.declaring!).replace(/\.([mc]?)[jt]sx?$/, (_m, k: string) => (/\.[mc]?js$/.test(written) ? `.${k}js` : ''));
    if (!spec.startsWith('.')) spec = `./${spec}`;
    return spec;
  };
  let changed = false;
  const locals: string[] = [];
  const namespaces: string[] = [];

  root.find(j.ImportDeclaration).forEach((path) => {
    if (!fromProvider(path.node.source.value)) return;
    const direct = fromDeclaring(path.node.source.value);
    if (path.node.importKind === 'type') return;
    const specifiers = path.node.specifiers ?? [];
    for (const spec of specifiers) {
      if (spec.type === 'ImportNamespaceSpecifier' && direct) namespaces.push(spec.local!.name as string);
    }
    const index = specifiers.findIndex((spec) => spec.type === 'ImportSpecifier' && (spec.imported as any).name === name && (spec as any).importKind !== 'type');
    if (index < 0) return;
    locals.push(specifiers[index]!.local!.name as string);
    changed = true;
    if (direct) {
      specifiers[index] = j.importSpecifier(j.identifier(accessor));
      return;
    }
    const accessorImport = j.importDeclaration([j.importSpecifier(j.identifier(accessor))], j.stringLiteral(declaringSpecifier(String(path.node.source.value))));
    specifiers.splice(index, 1);
    if (specifiers.length === 0) path.replace(accessorImport);
    else path.insertAfter(accessorImport);
  });
  // CommonJS: `const { encoder } = require('./utils')`, `const utils = require('./utils')`.
  root.find(j.VariableDeclarator).forEach((path) => {
    const init = path.node.init as any;
    if (init?.type !== 'CallExpression' || init.callee.name !== 'require' || !fromProvider(init.arguments[0]?.value)) return;
    const direct = fromDeclaring(init.arguments[0].value);
    const id = path.node.id as any;
    if (id.type === 'Identifier' && direct) namespaces.push(id.name);
    if (id.type !== 'ObjectPattern') return;
    const index = id.properties.findIndex((prop: any) => prop.key?.name === name);
    if (index < 0) return;
    const prop = id.properties[index];
    locals.push((prop.value ?? prop.key).name);
    changed = true;
    if (direct) {
      prop.key = j.identifier(accessor);
      prop.value = j.identifier(accessor);
      prop.shorthand = true;
      return;
    }
    const statement = path.parent;
    const accessorRequire = j(`const { ${accessor} } = require('${declaringSpecifier(String(init.arguments[0].value))}');`).get().node.program.body[0];
    id.properties.splice(index, 1);
    if (id.properties.length === 0 && statement.node.declarations.length === 1) statement.replace(accessorRequire);
    else statement.insertAfter(accessorRequire);
  });
  root.find(j.ExportNamedDeclaration).forEach((path) => {
    // ESM with an accepted API change: the old name is gone, the accessor takes its place.
    if (options.moduleFormat !== 'esm' || !path.node.source || !fromProvider(path.node.source.value)) return;
    const specifiers = path.node.specifiers ?? [];
    const index = specifiers.findIndex((s: any) => s.local?.name === name);
    if (index < 0 || specifiers.some((s: any) => s.local?.name === accessor)) return;
    specifiers.splice(index, 1, j.exportSpecifier.from({ local: j.identifier(accessor), exported: j.identifier(accessor) }));
    changed = true;
  });

  for (const local of locals) {
    for (const use of valueReferences(j, root, local)) replaceReference(j, use, parseExpression(j, `${accessor}()`));
    rewriteTypeQueries(j, root, local, accessor);
  }
  for (const namespace of namespaces) {
    root
      .find(j.MemberExpression, { object: { type: 'Identifier', name: namespace }, property: { name } })
      .filter((p) => !p.node.computed && !(p.parent.node.type === 'AssignmentExpression' && p.parent.node.left === p.node))
      .forEach((p) => {
        p.replace(parseExpression(j, `${namespace}.${accessor}()`));
        changed = true;
      });
  }
  return changed;
}
