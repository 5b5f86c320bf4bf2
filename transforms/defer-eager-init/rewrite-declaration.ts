// Turns `const NAME = <built at import>` into a memoised accessor built on first use, and
// rewrites the declaring file's own references. The exported name keeps working for
// CommonJS users through a getter; for native ESM it is replaced only when allowed.
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { enclosingFunction, valueReferences } from '../shared-lazy-loading/defer-binding.js';
import { parseExpression } from '../shared-lazy-loading/lazy-reference.js';
import { splicePlaceholder } from '../shared-lazy-loading/print-source.js';
import { replaceReference } from '../shared-lazy-loading/replace-reference.js';
import { unusedName } from '../shared-lazy-loading/unused-name.js';
import { accessorName, type DeferEagerInitOptions } from './options.js';
import { rewriteTypeQueries } from './rewrite-type-queries.js';

/** The top-level `const NAME = init` statement (the export declaration when exported). */
export function findEagerDeclaration(j: JSCodeshift, root: Collection, name: string): { statement: ASTPath<any>; declarator: any; exported: boolean } | undefined {
  let found: { statement: ASTPath<any>; declarator: any; exported: boolean } | undefined;
  root.find(j.VariableDeclarator, { id: { type: 'Identifier', name } }).forEach((path) => {
    const declaration = path.parent;
    if (declaration.node.kind !== 'const' || declaration.node.declarations.length !== 1 || !path.node.init || declaration.node.declare) return;
    const exported = declaration.parent.node.type === 'ExportNamedDeclaration';
    const statement = exported ? declaration.parent : declaration;
    if (statement.parent.node.type !== 'Program') return;
    found = { statement, declarator: path.node, exported };
  });
  return found;
}

/** Rewrites the declaring file. Returns a problem (nothing changed) or notes for the report. */
export function rewriteDeclaration(j: JSCodeshift, root: Collection, options: DeferEagerInitOptions, typescript: boolean): { problem?: string; notes: string[] } {
  const { name } = options;
  const accessor = accessorName(name);
  const found = findEagerDeclaration(j, root, name);
  if (!found) return { problem: `no top-level const ${name} built at import`, notes: [] };
  if (found.exported && options.moduleFormat === 'esm' && !options.allowApiChange) {
    return {
      problem: `${name} is an ES module export: outside users would have to call ${accessor}() instead; rerun with --allow-api-change to accept that`,
      notes: [],
    };
  }
  // Importers call the accessor by this name, so it cannot be renamed here: a clash is refused.
  if (root.find(j.Identifier, { name: accessor }).size() > 0) {
    return { problem: `${accessor} already names something in this file, so ${name}'s accessor cannot be called that; rename it first`, notes: [] };
  }
  const notes: string[] = [];
  const create = unusedName(j, root, `create${accessor.slice(3)}`);
  const stored = unusedName(j, root, `${name}Value`);
  const annotation = found.declarator.id.typeAnnotation?.typeAnnotation;
  const typeText = annotation ? j(annotation).toSource() : `ReturnType<typeof ${create}>`;
  const initText = j(found.declarator.init).toSource();
  const t = (text: string) => (typescript ? text : '');

  // References first, while the old declaration still marks what `name` means here.
  for (const use of valueReferences(j, root, name)) {
    const parent = use.parent.node;
    if (isCommonJsExportsObject(use) && parent.type === 'ObjectProperty') {
      // module.exports = { encoder }: a getter keeps `require('./x').encoder` working, built on first read.
      // Spliced in as text: the property keeps its place, comments and trailing comma.
      const getter = splicePlaceholder(j, root, `get ${name}() { return ${accessor}(); },\n${accessor}`);
      Object.assign(use.parent.node, { key: getter, value: getter, computed: false, shorthand: false });
      continue;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === use.node && isExportsMember(parent.left, name) && use.parent.parent.node.type === 'ExpressionStatement') {
      use.parent.parent.replace(j(`Object.defineProperty(exports, '${name}', { enumerable: true, get: ${accessor} });\nexports.${accessor} = ${accessor};`).get().node.program.body[0]);
      continue;
    }
    // A read inside another top-level value's initialiser is usually deferred by that value's own operation.
    if (!enclosingFunction(use) && !insideTopLevelConst(use)) notes.push(`${name} is read at module level (line ${use.node.loc?.start.line ?? '?'}), so it is still built at import there`);
    replaceReference(j, use, parseExpression(j, `${accessor}()`));
  }
  rewriteTypeQueries(j, root, name, accessor);

  const exportKeyword = found.exported ? 'export ' : '';
  // The user's own doc comment stays above the code; the generated construct carries one
  // comment line (the `lazify:` marker), no doc of its own.
  const original = (found.statement.node.comments ?? []).filter((c: any) => c.leading);
  // The project's syntax level (JavaScript files only): `??=` from ES2021, `const`/arrows from ES2015.
  const level = options.syntaxLevel ?? Infinity;
  const lines = [
    `// lazify: built on first use instead of at import.`,
    level >= 2015 ? `const ${create} = () => ${initText};` : `var ${create} = function () { return ${initText}; };`,
    `${level >= 2015 ? 'let' : 'var'} ${stored}${t(`: ${typeText} | undefined`)};`,
    `${exportKeyword}function ${accessor}()${t(`: ${typeText}`)} {`,
    level >= 2021 ? `  return (${stored} ??= ${create}());` : `  return ${stored} === undefined || ${stored} === null ? (${stored} = ${create}()) : ${stored};`,
    `}`,
  ];
  if (found.exported && options.moduleFormat === 'cjs') {
    lines.push(
      `export declare const ${name}: ${typeText};`,
      `Object.defineProperty(exports, '${name}', { enumerable: true, get: ${accessor} });`,
    );
  }
  if (found.exported && options.moduleFormat === 'esm') notes.push(`API change: the export ${name} is now ${accessor}()`);
  const statements = j(lines.join('\n')).get().node.program.body;
  for (const statement of statements) statement.loc = null;
  // Keep the declaration's own doc comment above the accessor code.
  statements[0].comments = [...original, ...(statements[0].comments ?? [])];
  found.statement.replace(...statements);
  return { notes };
}

function isExportsMember(node: any, name: string): boolean {
  if (node.type !== 'MemberExpression' || node.computed || node.property.name !== name) return false;
  const object = node.object;
  return (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && object.object.name === 'module' && object.property.name === 'exports');
}

/** True when `use` is a property value of the object assigned to `module.exports`. */
function isCommonJsExportsObject(use: ASTPath<any>): boolean {
  const object = use.parent?.parent;
  const assignment = object?.parent?.node;
  return (
    object?.node.type === 'ObjectExpression' &&
    assignment?.type === 'AssignmentExpression' &&
    assignment.left.type === 'MemberExpression' &&
    assignment.left.object.name === 'module' &&
    assignment.left.property.name === 'exports'
  );
}

function insideTopLevelConst(use: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = use.parent; p; p = p.parent) {
    if (p.node.type === 'VariableDeclaration') return p.node.kind === 'const' && (p.parent?.node.type === 'Program' || p.parent?.node.type === 'ExportNamedDeclaration');
  }
  return false;
}
