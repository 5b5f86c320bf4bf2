// defer-eager-init: a value built at import (`export const encoder = getEncoding(...)`, a zod
// schema, an SDK client) becomes a memoised accessor built on first use, and every reference
// in the project calls it. CommonJS output keeps the exported name working through a getter;
// for native ESM the export's shape changes, which needs `allowApiChange`. Run alone:
//   npx jscodeshift --parser=ts -t transforms/defer-eager-init/index.ts src \
//     --file=src/utils.ts --name=encoder --moduleFormat=cjs
import { posix, relative, resolve } from 'node:path';
import { jscodeshiftFor } from '../shared-lazy-loading/parser-for-file.js';
import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import type { PlannedFile, ProjectReader, TransformMeta } from '../transform-module.js';
import { deferBinding } from '../shared-lazy-loading/defer-binding.js';
import { projectFromOptions } from '../shared-lazy-loading/disk-project.js';
import { findBindingSource } from '../shared-lazy-loading/lazy-reference.js';
import { printSource } from '../shared-lazy-loading/print-source.js';
import { findValueProviders } from './find-declaring-module.js';
import { accessorName, readOptions, type DeferEagerInitOptions } from './options.js';

export { optionPaths, optionsSchema } from './options.js';
import { findEagerDeclaration, rewriteDeclaration } from './rewrite-declaration.js';
import { rewriteReferences } from './rewrite-references.js';

export const meta: TransformMeta = {
  name: 'defer-eager-init',
  description: 'Turns a value built at import into a memoised accessor built on first use.',
  phase: 'defer',
  options: [
    { name: 'file', required: true, description: 'the file that declares the value, root-relative (re-exports are followed)' },
    { name: 'name', required: true, description: 'the top-level const built at import (encoder, chatSchema)' },
    { name: 'moduleFormat', required: true, description: 'cjs or esm: how the output loads modules' },
    { name: 'allowApiChange', description: 'native ESM: replace the exported const by its accessor (changes the API)' },
    { name: 'syntaxLevel', description: 'the newest ECMAScript edition the generated JavaScript may use (below 2021 no ??=, below 2015 no const or arrows)' },
  ],
};

export const parser = 'ts';

/** What the plan shows for the operation: the accessor call that replaces the value (`getEncoder()`). */
export function describe(raw: Record<string, unknown>, _project: ProjectReader): { lines: string[] } | { problem: string } {
  return typeof raw.name === 'string' && raw.name !== '' ? { lines: [`${accessorName(raw.name)}()`] } : { problem: 'defer-eager-init: option "name" is required' };
}

const isTypeScript = (path: string) => /\.[mc]?tsx?$/.test(path);

/** Rewrites one file's source: the declaration when it is here, the references otherwise. */
function rewriteFile(j: JSCodeshift, root: Collection, path: string, options: DeferEagerInitOptions, project: ProjectReader, report: (m: string) => void): boolean {
  const providers = findValueProviders(options.file, options.name, project);
  let changed = false;
  const declaration = findEagerDeclaration(j, root, options.name);
  if (declaration && (providers.declaring === path || path === options.file)) {
    // The identifiers the initialiser reads: imports among them may now be needed only inside the accessor.
    const initLocals = new Set<string>();
    j(declaration.declarator.init).find(j.Identifier).forEach((p) => {
      initLocals.add(p.node.name);
    });
    const result = rewriteDeclaration(j, root, options, isTypeScript(path));
    if (result.problem) {
      report(`${options.name} stays built at import: ${result.problem}`);
      return false;
    }
    result.notes.forEach(report);
    changed = true;
    if (options.moduleFormat === 'cjs') {
      for (const local of initLocals) {
        const source = findBindingSource(j, root, local);
        // Only packages: local modules are usually cheap and often shared with top-level code.
        if (!source || source.typeOnly || source.module.startsWith('.')) continue;
        // Opportunistic: when a sibling value still uses the import at module level, a later
        // operation (or a heavy-import deferral) moves it; nothing to report here.
        deferBinding(j, root, local, 'cjs', isTypeScript(path), options.syntaxLevel);
      }
    }
  }
  if (rewriteReferences(j, root, path, providers, options, project)) changed = true;
  return changed;
}

export default function transform(file: FileInfo, api: API, raw: Options): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') throw new Error(options);
  const project = projectFromOptions(raw);
  const path = relative(project.root, resolve(project.root, file.path)).split('\\').join('/');
  // The operation runs over every source file: one that never names the value can neither
  // declare nor read it, and is not parsed (a file no parser reads must not fail the operation).
  if (!file.source.includes(options.name)) return file.source;
  const j = api.jscodeshift;
  const root = j(file.source);
  return rewriteFile(j, root, posix.normalize(path), options, project, (m) => api.report(m)) ? printSource(j, root, file.source) : file.source;
}

/**
 * When a split moved the declaration out of `options.file` into a new module, that module is
 * not among the operation's files: rewrite it here, from the project as it is now.
 */
export function planFiles(raw: Record<string, unknown>, project: ProjectReader): PlannedFile[] {
  const options = readOptions(raw);
  if (typeof options === 'string') return [];
  const { declaring } = findValueProviders(options.file, options.name, project);
  if (!declaring || declaring === options.file) return [];
  const source = project.read(declaring)!;
  const j = jscodeshiftFor(declaring, source);
  const root = j(source);
  if (!rewriteFile(j, root, declaring, options, project, () => {})) return [];
  return [{ path: declaring, source: printSource(j, root, source), rewrites: true }];
}

/** What the options' shape cannot say: the file exists. */
export function validateOptions(raw: Record<string, unknown>, project: ProjectReader): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') return options;
  if (project.read(options.file) === undefined) return `defer-eager-init: ${options.file} does not exist`;
  return undefined;
}
