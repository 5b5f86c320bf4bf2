import type { API } from 'jscodeshift';
import { pointsAt, specifierFor, styleOf } from './module-specifiers.js';

interface Spec {
  type: string;
  start: number;
  end: number;
  importKind?: string;
  exportKind?: string;
  imported?: { name?: string; value?: string };
  local?: { name?: string; value?: string };
}

interface Declaration {
  type: string;
  start: number;
  end: number;
  importKind?: string;
  exportKind?: string;
  specifiers?: Spec[];
  source?: { start: number; end: number; value: unknown } | null;
}

/**
 * Rewrites one importer's `import { a, type B } from '<god-module>'` and
 * `export { a } from '<god-module>'` so each named binding comes from the module it moved to.
 * Default and namespace imports, and names that did not move, keep the old path (the shim
 * still serves them). jscodeshift parses; the edits are spliced into the original text, so
 * everything around the rewritten declarations keeps its exact formatting.
 * Returns the new source, or undefined when nothing changed.
 */
export function rewriteImporter(importer: string, source: string, api: API, godModule: string, movedTo: Map<string, string>): string | undefined {
  const j = api.jscodeshift;
  const program = j(source).find(j.Program).get().node as { body: Declaration[] };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' && !(node.type === 'ExportNamedDeclaration' && node.source)) continue;
    const specifier = typeof node.source?.value === 'string' ? node.source.value : undefined;
    if (!specifier || !pointsAt(importer, specifier, godModule)) continue;
    const kind = node.type === 'ImportDeclaration' ? 'import' : 'export';
    const quote = source[node.source!.start] === '"' ? '"' : "'";
    const typeOnly = (kind === 'import' ? node.importKind : node.exportKind) === 'type';
    const groups = new Map<string, Spec[]>();
    const stay: Spec[] = [];
    for (const s of node.specifiers ?? []) {
      const name = kind === 'import' ? (s.type === 'ImportSpecifier' ? nameOf(s.imported) : undefined) : nameOf(s.local);
      const target = name ? movedTo.get(name) : undefined;
      if (target) groups.set(target, [...(groups.get(target) ?? []), s]);
      else stay.push(s);
    }
    if (groups.size === 0) continue;
    const style = styleOf(specifier);
    const render = (specs: Spec[], from: string): string => {
      const head = kind === 'import' ? 'import' : 'export';
      const texts = specs.map((s) => source.slice(s.start, s.end));
      const defaults = specs.filter((s) => s.type === 'ImportDefaultSpecifier').map((s) => source.slice(s.start, s.end));
      const namespaces = specs.filter((s) => s.type === 'ImportNamespaceSpecifier').map((s) => source.slice(s.start, s.end));
      const named = specs.filter((s) => s.type === 'ImportSpecifier' || s.type === 'ExportSpecifier');
      const namedTexts = named.map((s) => source.slice(s.start, s.end));
      // Every moved name a type: `import type { A, B }` reads better than `{ type A, type B }`.
      const allTypes = !typeOnly && named.length > 0 && named.length === texts.length && namedTexts.every((t) => /^type\s/.test(t));
      const keyword = typeOnly || allTypes ? `${head} type` : head;
      const names = allTypes ? namedTexts.map((t) => t.replace(/^type\s+/, '')) : namedTexts;
      const clause = [...defaults, ...namespaces, ...(names.length ? [`{ ${names.join(', ')} }`] : [])].join(', ');
      return `${keyword} ${clause} from ${quote}${from}${quote};`;
    };
    const lines: string[] = [];
    if (stay.length > 0) lines.push(render(stay, specifier));
    for (const [target, specs] of groups) lines.push(render(specs, specifierFor(importer, target, style)));
    edits.push({ start: node.start, end: node.end, text: lines.join('\n') });
  }
  if (edits.length === 0) return undefined;
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function nameOf(id: { name?: string; value?: string } | undefined): string | undefined {
  return id?.name ?? id?.value;
}
