import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ParsedSources } from '../graph/parse-source.js';
import type { ModuleFacts, RegistryEntry } from './module-facts.js';

type Lexer = { parse(source: string): { exports: string[]; reexports: string[] } };
let lexer: Lexer | undefined;

/**
 * Babel's and tsc's `export * from './x'` (an `export: '*'` entry of an export-getters registry)
 * define, at import, a getter for each name `./x` exports. Once every module has its facts, each
 * such entry becomes one entry per name, read as Node reads the names an ES module importer gets
 * (cjs-module-lexer), which the transform reads the same way
 * (transforms/registry-to-manifest/export-star-getters.ts). A name an earlier export already
 * defines stays the earlier one's, as Babel's `key in exports` guard and tsc's `hasOwnProperty`
 * check keep it. A module whose names that reading cannot tell (not CommonJS, unreadable, or
 * re-exporting one such) is no entry: its star stays as written.
 */
export function resolveStarExports(facts: Record<string, ModuleFacts>, graph: ModuleGraph, sources?: ParsedSources): void {
  for (const moduleFacts of Object.values(facts)) {
    for (const registry of moduleFacts.registries) {
      if (registry.shape !== 'export-getters' || !registry.entries.some((e) => e.export === '*')) continue;
      const taken = new Set(moduleFacts.exports.filter((e) => e.name !== '*').map((e) => e.name));
      for (const entry of registry.entries) if (entry.export !== '*' && entry.key !== undefined) taken.add(entry.key);
      const entries: RegistryEntry[] = [];
      for (const entry of registry.entries) {
        if (entry.export !== '*') {
          entries.push(entry);
          continue;
        }
        const names = (starNames(entry.module!, graph, sources) ?? []).filter((name) => !taken.has(name));
        for (const name of names) {
          taken.add(name);
          entries.push({ key: name, module: entry.module!, export: name, valueShape: 'reference', line: entry.line });
        }
      }
      registry.entries = entries;
    }
  }
}

/**
 * The names `module` gives an ES module importer, without `default` and `__esModule`, through
 * the modules it re-exports in turn (a barrel of barrels, tsc's usual shape); undefined when not
 * all of them can be read (a module re-exporting a package, not CommonJS, unreadable).
 */
function starNames(module: string, graph: ModuleGraph, sources?: ParsedSources, seen = new Set<string>()): string[] | undefined {
  if (seen.has(module)) return [];
  seen.add(module);
  const node = graph.modules[module];
  const file = node?.file;
  if (!node || !file || !/\.c?js$/.test(file)) return undefined;
  let text: string;
  try {
    text = sources?.get(file)?.text ?? readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  lexer ??= createRequire(import.meta.url)('cjs-module-lexer') as Lexer;
  let read: { exports: string[]; reexports: string[] };
  try {
    read = lexer.parse(text);
  } catch {
    return undefined;
  }
  if (!writesExportsByName(text)) return undefined;
  const names = read.exports.filter((name) => name !== 'default' && name !== '__esModule');
  for (const specifier of read.reexports) {
    const target = node.imports.find((edge) => edge.specifier === specifier)?.to;
    const inner = target === undefined ? undefined : starNames(target, graph, sources, seen);
    if (!inner) return undefined;
    names.push(...inner);
  }
  return [...new Set(names)];
}

/** Babel's `export *` loop, whose `exports[key]` the lexer reads as a re-export. */
const BABEL_STAR_LOOP = /Object\.keys\(([\w$]+)\)\.forEach\(function \((\w+)\) \{[\s\S]*?return \1\[\2\];[\s\S]*?\}\);/g;

/**
 * True when `text` writes its exports by literal name only. `for (var p in m)` copies whatever
 * the module has when it runs, and the lexer sees only names written out: a module writing
 * `exports[name] = ...`, `Object.assign(exports, ...)` or `module.exports = ...` could have more,
 * which one getter per name would lose. The transform checks the same
 * (transforms/registry-to-manifest/export-star-getters.ts).
 */
function writesExportsByName(text: string): boolean {
  const code = text.replace(BABEL_STAR_LOOP, '');
  return !/\bexports\s*\[|Object\.(?:assign|defineProperties)\(\s*(?:module\.)?exports\b|Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*[^\s'"]|\bmodule\.exports\s*=/.test(code);
}
