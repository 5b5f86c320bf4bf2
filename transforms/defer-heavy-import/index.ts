// defer-heavy-import: a heavy import whose value is only read inside function bodies loads
// when a function first needs it (CommonJS: `require` at the use; native ESM: `await import()`
// inside async functions). Type-only uses keep an `import type`. Run alone:
//   npx jscodeshift --parser=ts -t transforms/defer-heavy-import/index.ts src/providers/openai.ts \
//     --bindings=OpenAI --moduleFormat=cjs
import { printSource } from '../shared-lazy-loading/print-source.js';
import type { API, FileInfo, Options } from 'jscodeshift';
import type { ProjectReader, TransformMeta } from '../transform-module.js';
import { deferBinding } from '../shared-lazy-loading/defer-binding.js';
import { findBindingSource } from '../shared-lazy-loading/lazy-reference.js';
import { readOptions } from './options.js';

export const meta: TransformMeta = {
  name: 'defer-heavy-import',
  description: 'Moves a heavy import that is only used inside functions into those functions.',
  phase: 'defer',
  options: [
    { name: 'bindings', required: true, description: 'local names of the import bindings to defer (comma-separated on the jscodeshift CLI)' },
    { name: 'moduleFormat', required: true, description: 'cjs (require inside the function) or esm (await import())' },
  ],
};

export const parser = 'ts';

export default function transform(file: FileInfo, api: API, raw: Options): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') throw new Error(options);
  const j = api.jscodeshift;
  const root = j(file.source);
  const typescript = /\.[mc]?tsx?$/.test(file.path);
  let changed = false;
  // One note per module, naming every binding that stays and why.
  const staying = new Map<string, string[]>();
  for (const local of options.bindings) {
    // The operation's bindings are those of all its files: a name this file does not import
    // belongs to another file, and an `import type` loads nothing. Neither is news.
    const source = findBindingSource(j, root, local);
    if (!source || source.typeOnly) continue;
    const before = root.toSource();
    const problem = deferBinding(j, root, local, options.moduleFormat, typescript, options.syntaxLevel);
    if (problem) staying.set(source.module, [...(staying.get(source.module) ?? []), problem]);
    else if (root.toSource() !== before) changed = true;
  }
  for (const [module, problems] of staying) api.report(`${module} stays a top-level import: ${problems.join('; ')}`);
  return changed ? printSource(root, file.source) : file.source;
}

export function validateOptions(raw: Record<string, unknown>, _project: ProjectReader): string | undefined {
  const options = readOptions(raw);
  return typeof options === 'string' ? options : undefined;
}
