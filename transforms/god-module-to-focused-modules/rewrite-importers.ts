import type { API, ASTPath, ExportNamedDeclaration, ImportDeclaration } from 'jscodeshift';
import { pointsAt, specifierFor, styleOf } from './module-specifiers.js';

/**
 * Rewrites one importer's `import { a, type B } from '<god-module>'` and
 * `export { a } from '<god-module>'` so each named binding comes from the module it moved to.
 * Default and namespace imports, and names that did not move, keep the old path (the shim
 * still serves them). Returns the new source, or undefined when nothing changed.
 */
export function rewriteImporter(
  importer: string,
  source: string,
  api: API,
  godModule: string,
  movedTo: Map<string, string>,
): string | undefined {
  const j = api.jscodeshift;
  const root = j(source);
  let changed = false;

  const split = (path: ASTPath<ImportDeclaration> | ASTPath<ExportNamedDeclaration>, kind: 'import' | 'export'): void => {
    const node = path.node;
    const specifier = node.source && typeof node.source.value === 'string' ? node.source.value : undefined;
    if (!specifier || !pointsAt(importer, specifier, godModule)) return;
    const specifiers = (node.specifiers ?? []) as Array<{ type: string; imported?: { name: string }; local?: { name: string } }>;
    const groups = new Map<string, typeof specifiers>();
    const stay: typeof specifiers = [];
    for (const s of specifiers) {
      const name = kind === 'import' ? (s.type === 'ImportSpecifier' ? s.imported?.name : undefined) : s.local?.name;
      const target = name ? movedTo.get(name) : undefined;
      if (target) groups.set(target, [...(groups.get(target) ?? []), s]);
      else stay.push(s);
    }
    if (groups.size === 0) return;
    changed = true;
    const style = styleOf(specifier);
    const replacements = [...groups].map(([target, specs]) => {
      const literal = j.stringLiteral(specifierFor(importer, target, style));
      const decl =
        kind === 'import'
          ? j.importDeclaration(specs as never, literal)
          : j.exportNamedDeclaration(null, specs as never, literal);
      (decl as { importKind?: string; exportKind?: string }).importKind = (node as { importKind?: string }).importKind;
      (decl as { exportKind?: string }).exportKind = (node as { exportKind?: string }).exportKind;
      return decl;
    });
    if (stay.length > 0) {
      node.specifiers = stay as never;
      path.insertAfter(...replacements);
    } else {
      (replacements[0] as { comments?: unknown }).comments = (node as { comments?: unknown }).comments;
      path.replace(...replacements);
    }
  };

  root.find(j.ImportDeclaration).forEach((p) => split(p, 'import'));
  root.find(j.ExportNamedDeclaration).forEach((p) => split(p as ASTPath<ExportNamedDeclaration>, 'export'));
  return changed ? root.toSource({ quote: quoteStyleOf(source) }) : undefined;
}

function quoteStyleOf(source: string): 'single' | 'double' {
  const singles = (source.match(/from '/g) ?? []).length;
  const doubles = (source.match(/from "/g) ?? []).length;
  return doubles > singles ? 'double' : 'single';
}
