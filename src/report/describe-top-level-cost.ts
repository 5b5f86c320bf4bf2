import { relative, sep } from 'node:path';
import type { ImportTimeNode, TopLevelCost } from '../measure/import-time.js';
import { plural } from '../messages/format-size.js';

/** `getEncoding() (js-tiktoken/dist/index.cjs) at dist/utils.js:15`, `top-level code at ...`. */
export function describeTopLevelCost(part: TopLevelCost, node: ImportTimeNode, root: string): string {
  if (part.kind === 'esm-graph') return `loading and linking its ES module graph (${plural(part.modules, 'module')}), outside module bodies`;
  const file = node.kind === 'external' ? node.id : relative(root, node.file).split(sep).join('/');
  const at = part.line !== undefined ? ` at ${file}:${part.line}` : '';
  return part.kind === 'call' ? `${part.call}()${part.callee && part.callee !== node.id ? ` (${part.callee})` : ''}${at}` : `top-level code${at}`;
}
