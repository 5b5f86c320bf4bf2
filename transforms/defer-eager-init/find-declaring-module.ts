// After a split, the value may no longer live in the file the finding named: that file
// re-exports it from a new focused module. Follow `export { name } from` and `export * from`
// until the file that declares it.
import { jscodeshiftFor } from '../shared-lazy-loading/parser-for-file.js';
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

/** Earlier answers per project reader, each with every read it made (path and what it returned). */
const answers = new WeakMap<ProjectReader, Map<string, { providers: ValueProviders; reads: Map<string, string | undefined> }>>();

/**
 * The files that declare or re-export `name`, starting at `start`. Remembered per project reader:
 * an operation asks this for every import of every file it rewrites, and parsing the same chain
 * again each time made apply quadratic in the project's size. An answer is reused only while every
 * file it read (including the paths tried while resolving specifiers) reads the same, so a file an
 * earlier rewrite changed is read again.
 */
export function findValueProviders(start: string, name: string, project: ProjectReader): ValueProviders {
  let known = answers.get(project);
  if (!known) answers.set(project, (known = new Map()));
  const key = `${start}\0${name}`;
  const earlier = known.get(key);
  if (earlier && [...earlier.reads].every(([path, source]) => project.read(path) === source)) {
    return { declaring: earlier.providers.declaring, files: new Set(earlier.providers.files) };
  }
  const reads = new Map<string, string | undefined>();
  const recording: ProjectReader = {
    root: project.root,
    read(path) {
      const source = project.read(path);
      if (!reads.has(path)) reads.set(path, source);
      return source;
    },
  };
  const providers = walkValueProviders(start, name, recording);
  known.set(key, { providers: { declaring: providers.declaring, files: new Set(providers.files) }, reads });
  return providers;
}

/** `export *` in any spelling: such a file may lead to the declaration without naming it. */
const EXPORT_ALL = /\bexport\s*\*/;

function walkValueProviders(start: string, name: string, project: ProjectReader): ValueProviders {
  const files = new Set<string>();
  let declaring: string | undefined;
  const visit = (file: string, depth: number) => {
    if (files.has(file) || depth > 8) return;
    const source = project.read(file);
    if (source === undefined) return;
    files.add(file);
    // A file that names neither the value nor its accessor and re-exports nothing wholesale can
    // neither declare nor lead to it: no need to parse it.
    if (!source.includes(name) && !source.includes(accessorName(name)) && !EXPORT_ALL.test(source)) return;
    const j = jscodeshiftFor(file, source);
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
