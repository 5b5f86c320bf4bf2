// After a split, the value may no longer live in the file the finding named: that file
// re-exports it from a new focused module. Follow `export { name } from` and `export * from`
// until the file that declares it.
import jscodeshift from 'jscodeshift';
import type { ProjectReader } from '../transform-module.js';
import { resolveRelativeModule } from '../shared-lazy-loading/resolve-relative-module.js';
import { accessorName } from './options.js';
import { findEagerDeclaration } from './rewrite-declaration.js';

/** The declaring file and every file on the way that re-exports the value. */
export interface ValueProviders {
  /** Declares `const name` (or, once converted, its accessor); undefined when not found. */
  declaring?: string;
  /** The declaring file and the re-exporting files, root-relative. */
  files: Set<string>;
}

export function findValueProviders(start: string, name: string, project: ProjectReader): ValueProviders {
  const j = jscodeshift.withParser('ts');
  const files = new Set<string>();
  let declaring: string | undefined;
  const visit = (file: string, depth: number) => {
    if (files.has(file) || depth > 8) return;
    const source = project.read(file);
    if (source === undefined) return;
    files.add(file);
    const root = j(source);
    if (findEagerDeclaration(j, root, name) || root.find(j.FunctionDeclaration, { id: { name: accessorName(name) } }).size() > 0) {
      declaring ??= file;
      return;
    }
    root.find(j.ExportNamedDeclaration).forEach((path) => {
      const named = (path.node.specifiers ?? []).some((s: any) => s.local?.name === name);
      if (named && path.node.source) visitSpecifier(file, String(path.node.source.value), depth);
    });
    root.find(j.ExportAllDeclaration).forEach((path) => visitSpecifier(file, String(path.node.source.value), depth));
  };
  const visitSpecifier = (from: string, specifier: string, depth: number) => {
    const target = resolveRelativeModule(from, specifier, project);
    if (target) visit(target, depth + 1);
  };
  visit(start, 0);
  // Files that only re-export with `export *` but do not lead to the declaration are not providers.
  return { declaring, files };
}
