// defer-heavy-import: a heavy import whose value is only read inside function bodies loads
// when a function first needs it (CommonJS: `require` at the use; native ESM: `await import()`
// inside async functions). Type-only uses keep an `import type`. Run alone:
//   npx jscodeshift --parser=ts -t transforms/defer-heavy-import/index.ts src/providers/openai.ts \
//     --bindings=OpenAI --moduleFormat=cjs
import { printSource } from '../shared-lazy-loading/print-source.js';
import type { API, FileInfo, Options } from 'jscodeshift';
import type { ProjectReader, TransformDiagnostic, TransformMeta } from '../transform-module.js';
import { checkDeferrable, deferBinding } from '../shared-lazy-loading/defer-binding.js';
import { jscodeshiftFor, parseFailure } from '../shared-lazy-loading/parser-for-file.js';
import { findBindingSource } from '../shared-lazy-loading/lazy-reference.js';
import { readOptions } from './options.js';

export { optionsSchema } from './options.js';

export const meta: TransformMeta = {
  name: 'defer-heavy-import',
  description: 'Moves a heavy import that is only used inside functions into those functions.',
  phase: 'defer',
  options: [
    { name: 'bindings', required: true, description: 'local names of the import bindings to defer (comma-separated on the jscodeshift CLI)' },
    { name: 'moduleFormat', required: true, description: 'cjs (require inside the function) or esm (await import())' },
    { name: 'syntaxLevel', description: 'the newest ECMAScript edition the generated JavaScript may use (below 2015: var loaders)' },
  ],
};

export const parser = 'ts';

export default function transform(file: FileInfo, api: API, raw: Options): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') throw new Error(options);
  const j = api.jscodeshift;
  const root = j(file.source);
  const typescript = /\.[mc]?tsx?$/.test(file.path);
  // Whether a binding moved (or went, unused): a deferral that succeeds always edits the tree,
  // one that fails edits nothing, so the file is printed once, at the end, and only if changed.
  let changed = false;
  // One note per module, naming every binding that stays and why.
  const staying = new Map<string, string[]>();
  for (const local of options.bindings) {
    // The operation's bindings are those of all its files: a name this file does not import
    // belongs to another file, and an `import type` loads nothing. Neither is news.
    const source = findBindingSource(j, root, local);
    if (!source || source.typeOnly) continue;
    const problem = deferBinding(j, root, local, options.moduleFormat, typescript, options.syntaxLevel, source);
    if (problem) staying.set(source.module, [...(staying.get(source.module) ?? []), problem]);
    else changed = true;
  }
  for (const [module, problems] of staying) api.report(`${module} stays a top-level import: ${problems.join('; ')}`);
  return changed ? printSource(j, root, file.source) : file.source;
}

/**
 * Which of `bindings` cannot move into the functions using them in each of `files` (every use
 * must sit in a function, an async one for native ESM), one diagnostic per binding with the
 * binding as its subject; a file no parser reads gets one diagnostic without a subject. Each
 * file is parsed once, whatever the number of bindings.
 */
export function check(raw: Record<string, unknown>, project: ProjectReader, files: string[]): TransformDiagnostic[] {
  const options = readOptions(raw);
  if (typeof options === 'string') return [{ code: 'invalid-options', severity: 'error', message: options }];
  const diagnostics: TransformDiagnostic[] = [];
  for (const file of files) {
    const source = project.read(file);
    if (source === undefined) continue;
    const j = jscodeshiftFor(file, source);
    let root: ReturnType<typeof j>;
    try {
      root = j(source);
    } catch (error) {
      diagnostics.push({ code: 'parse-error', severity: 'warning', message: parseFailure(error), file });
      continue;
    }
    for (const local of new Set(options.bindings)) {
      const deferrable = checkDeferrable(j, root, local, options.moduleFormat);
      if (!deferrable.ok) diagnostics.push({ code: 'not-deferrable', severity: 'info', message: deferrable.reason, file, ...(deferrable.line ? { line: deferrable.line } : {}), subject: local });
    }
  }
  return diagnostics;
}
