// Builds a ModuleGraph, facts and a simple cost model from inline sources, for finder unit tests.
import type { ImportEdge, ModuleGraph, ModuleNode } from '../../src/graph/module-graph.js';
import { extractModuleFacts } from '../../src/facts/extract-module-facts.js';
import type { ModuleFacts } from '../../src/facts/module-facts.js';
import type { CostModelLike } from '../../src/findings/cost-input.js';

/** `./x` from `src/dir/a.ts` → `src/dir/x.ts`; bare specifiers are package ids. */
function resolveFrom(from: string, specifier: string, ids: Set<string>): string {
  // A package's subpath (`openai/shims/node`) belongs to the package's node, as in the graph.
  if (!specifier.startsWith('.')) return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.replace(/\.js$/, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.ts`, `${base}.js`, `${base}/index.ts`].find((id) => ids.has(id)) ?? `${base}.ts`;
}

/**
 * Local modules from `sources` (id → text), externals from `packageBytes` (name → size).
 * Edges come from the import/require/export-from statements of each source, found with a
 * regex: enough for the small sources of unit tests. The cost model's exclusive cost of a
 * package is its size, of a local module its size plus the packages only it imports.
 */
export function graphFromSources(
  sources: Record<string, string>,
  packageBytes: Record<string, number> = {},
  format: 'esm' | 'commonjs' = 'esm',
): { graph: ModuleGraph; facts: Record<string, ModuleFacts>; cost: CostModelLike } {
  const ids = new Set(Object.keys(sources));
  const modules: Record<string, ModuleNode> = {};
  for (const [name, size] of Object.entries(packageBytes)) modules[name] = { id: name, kind: 'external', size, imports: [] };
  for (const [id, text] of Object.entries(sources)) {
    const imports: ImportEdge[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      const pattern = /(?:^\s*import\s+(type\s+)?(?:[\s\S]*?from\s+)?|^\s*export\s+(?:[\s\S]*?)from\s+|require\()\s*['"]([^'"]+)['"]/g;
      for (const match of line.matchAll(pattern)) {
        if (match[1]) continue; // import type: no runtime edge
        const specifier = match[2]!;
        const to = resolveFrom(id, specifier, ids);
        const inFunction = /^\s+/.test(line) && line.includes('require(');
        imports.push({
          from: id,
          to,
          specifier,
          kind: line.includes('require(') ? (inFunction ? 'require-in-function' : 'require') : /^\s*import\s+['"]/.test(line) ? 'side-effect' : /^\s*export/.test(line) ? 're-export' : 'import',
          lazy: inFunction,
          line: index + 1,
          names: [],
        });
      }
    });
    modules[id] = { id, kind: 'local', file: `/project/${id}`, size: text.length, imports, format };
  }
  const entry = Object.keys(sources)[0]!;
  const graph: ModuleGraph = { root: '/project', entry, modules, diagnostics: [] };
  const facts: Record<string, ModuleFacts> = {};
  for (const [id, text] of Object.entries(sources)) {
    const node = modules[id]!;
    const resolve = (specifier: string) => node.imports.find((e) => e.specifier === specifier)?.to ?? resolveFrom(id, specifier, ids);
    facts[id] = extractModuleFacts(id, `/project/${id}`, text, resolve, format);
  }
  const exclusive = (id: string) => (modules[id]?.kind === 'external' ? modules[id]!.size : 0);
  // Deferring `from -> package` frees the package only when no other local module imports it eagerly.
  const imports = Object.values(modules).flatMap((m) => m.imports.filter((e) => !e.lazy && e.to && modules[e.to]?.kind === 'external').map((e) => {
    const kept = Object.values(modules).some((o) => o.kind === 'local' && o.id !== m.id && o.imports.some((x) => x.to === e.to && !x.lazy));
    return { from: m.id, to: e.to!, savedBytes: kept ? 0 : modules[e.to!]!.size, savedModules: kept ? 0 : 1 };
  }));
  const cost: CostModelLike = {
    imports,
    module: (id) => (modules[id] ? { exclusiveBytes: exclusive(id), exclusiveModules: exclusive(id) > 0 ? 1 : 0, cumulativeBytes: modules[id]!.size } : undefined),
    exclusiveOfSet: (set) => {
      // Packages imported only by members of the set.
      const packages = new Set<string>();
      for (const id of set) for (const edge of modules[id]?.imports ?? []) if (edge.to && modules[edge.to]?.kind === 'external') packages.add(edge.to);
      const outside = Object.values(modules).filter((m) => m.kind === 'local' && !set.includes(m.id));
      const shared = [...packages].filter((p) => outside.some((m) => m.imports.some((e) => e.to === p && !e.lazy)));
      const bytes = [...packages].filter((p) => !shared.includes(p)).reduce((sum, p) => sum + modules[p]!.size, 0);
      return { exclusiveBytes: bytes, exclusiveModules: set.length + packages.size - shared.length };
    },
  };
  return { graph, facts, cost };
}
