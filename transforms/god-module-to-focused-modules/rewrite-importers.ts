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
  // Offsets are spliced into `source` itself: with recast's default tab width a tab before a
  // node would shift its `start` (each tab counted as several columns), so count tabs as one.
  const root = j(source, { tabWidth: 1 });
  const program = root.find(j.Program).get().node as { body: Declaration[] };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const node of program.body) {
    const whole = wholeRequire(node);
    if (whole && pointsAt(importer, whole.specifier, godModule)) {
      // `const utils = require('../utils')` read only as `utils.name`: require just the modules
      // those names moved to, so the importer stops loading the rest (and the cycles through it).
      const names = memberNamesOf(root, j, whole.local);
      const targets = names && names.length > 0 ? [...new Set(names.map((n) => movedTo.get(n)))] : [];
      if (targets.length > 0 && targets.every((t): t is string => t !== undefined)) {
        const quote = source[whole.argStart] === '"' ? '"' : "'";
        const requires = targets.map((t) => `...require(${quote}${specifierFor(importer, t, styleOf(whole.specifier))}${quote})`);
        edits.push({ start: node.start, end: node.end, text: `${whole.kind} ${whole.local} = { ${requires.join(', ')} };` });
      }
      continue;
    }
    const required = requireDestructuring(node, source);
    if (required && pointsAt(importer, required.specifier, godModule)) {
      const groups = new Map<string, string[]>();
      const stay: string[] = [];
      for (const p of required.properties) {
        const target = movedTo.get(p.key);
        if (target) groups.set(target, [...(groups.get(target) ?? []), p.text]);
        else stay.push(p.text);
      }
      if (groups.size === 0) continue;
      const quote = required.quote;
      const line = (texts: string[], from: string) => `${required.kind} { ${texts.join(', ')} } = require(${quote}${from}${quote});`;
      const lines = stay.length > 0 ? [line(stay, required.specifier)] : [];
      for (const [target, texts] of groups) lines.push(line(texts, specifierFor(importer, target, styleOf(required.specifier))));
      edits.push({ start: node.start, end: node.end, text: lines.join('\n') });
      continue;
    }
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

/** `const x = require('y');` */
function wholeRequire(node: any): { kind: string; local: string; specifier: string; argStart: number } | undefined {
  if (node.type !== 'VariableDeclaration' || node.declarations.length !== 1) return undefined;
  const d = node.declarations[0];
  const init = d.init;
  if (d.id?.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee?.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const arg = init.arguments?.[0];
  if (init.arguments.length !== 1 || !arg || typeof arg.value !== 'string') return undefined;
  return { kind: node.kind, local: d.id.name, specifier: arg.value, argStart: arg.start };
}

/** The property names read as `local.name`, or undefined when `local` is used any other way. */
function memberNamesOf(root: any, j: any, local: string): string[] | undefined {
  const names: string[] = [];
  let other = false;
  root.find(j.Identifier, { name: local }).forEach((path: any) => {
    const parent = path.parent?.node;
    if (parent?.type === 'VariableDeclarator' && parent.id === path.node) return;
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === path.node && !parent.computed && parent.property?.type === 'Identifier') {
      names.push(parent.property.name);
      return;
    }
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return;
    if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === path.node && !parent.computed && parent.value !== path.node) return;
    other = true;
  });
  return other ? undefined : names;
}

/** `const { a, b: c } = require('x');`: its keyword, specifier and properties (key and source text). */
function requireDestructuring(node: any, source: string): { kind: string; specifier: string; quote: string; properties: Array<{ key: string; text: string }> } | undefined {
  if (node.type !== 'VariableDeclaration' || node.declarations.length !== 1) return undefined;
  const d = node.declarations[0];
  const init = d.init;
  if (d.id?.type !== 'ObjectPattern' || init?.type !== 'CallExpression' || init.callee?.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const arg = init.arguments?.[0];
  if (init.arguments.length !== 1 || !arg || typeof arg.value !== 'string' || !(arg.type === 'StringLiteral' || arg.type === 'Literal')) return undefined;
  const properties: Array<{ key: string; text: string }> = [];
  for (const p of d.id.properties) {
    if ((p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed || p.key?.type !== 'Identifier') return undefined;
    properties.push({ key: p.key.name, text: source.slice(p.start, p.end) });
  }
  return { kind: node.kind, specifier: arg.value, quote: source[arg.start] === '"' ? '"' : "'", properties };
}

function nameOf(id: { name?: string; value?: string } | undefined): string | undefined {
  return id?.name ?? id?.value;
}
