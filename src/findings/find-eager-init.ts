import type { TopLevelStatement } from '../facts/module-facts.js';
import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId, importSaving, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';

/**
 * Top-level calls of imported code (`getEncoding('cl100k_base')`, `z.object(...)`, top-level
 * await), grouped per module and imported package: one finding for a module's nine zod
 * schemas, not nine. The cost is what deferring that package's import would save, which a
 * lazy initialiser (a memoised getter) makes possible. Calls into Node builtins
 * (`createRequire(import.meta.url)`, `fileURLToPath(...)`, `promisify(...)`) are set-up, not
 * heavy initialisation: deferring them saves no import, so they are not findings; nor are
 * calls of the helpers a generated manifest exports.
 */
export function findEagerInit(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  const keepers = new EagerImporters(input);
  for (const [id, facts] of Object.entries(input.facts)) {
    const groups = new Map<string, TopLevelStatement[]>();
    for (const statement of facts.statements) {
      if (statement.kind !== 'eager-init') continue;
      const target = targetOf(statement, facts.bindings) ?? statement.callee ?? 'await';
      if (input.graph.modules[target]?.kind === 'builtin') continue;
      // A helper of a module lazify generated (a manifest's `withFastProperties`) loads nothing.
      if (input.facts[target]?.generatedBy !== undefined) continue;
      const group = groups.get(target) ?? [];
      group.push(statement);
      groups.set(target, group);
    }
    for (const [target, statements] of groups) {
      const first = statements[0]!;
      const names = statements.flatMap((s) => s.declares);
      // The value the plan defers (with its siblings): the first the group names, which need not
      // be the first statement (`module.exports = wrappy(once)` names none).
      const symbol = names[0];
      const cost = input.graph.modules[target] ? importSaving(input.cost, id, target) : { exclusiveBytes: 0, exclusiveModules: 0 };
      const listed = names.length > 0 ? ` (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''})` : '';
      const what = statements.length === 1
        ? `\`${first.text}\` runs ${first.callee ?? 'imported code'} at import`
        : `${statements.length} top-level statements${listed} call ${target} at import`;
      // Another module imports the package at the top level too: building this value later
      // frees nothing, and the message says who keeps it.
      const keeper = cost.exclusiveBytes === 0 && input.graph.modules[target] ? keepers.other(target, id) : undefined;
      const it = statements.length === 1 ? 'it' : 'them';
      // defer-eager-init moves a named value behind a getter; a statement that names none
      // (`module.exports = wrappy(once)`, `define(polyfill, {...})`) is left to a hand rewrite,
      // and the message says so, as `lazify plan` does.
      const fix = symbol
        ? `wrap ${it} in a memoised getter so the work (and ${target}, ${formatBytes(cost.exclusiveBytes)}) happens on first use.`
        : `${statements.length === 1 ? 'it names' : 'they name'} no value, so lazify does not rewrite ${it}: a memoised getter written by hand would defer the work (and ${target}, ${formatBytes(cost.exclusiveBytes)}) to first use.`;
      findings.push({
        id: findingId('eager-init', id, first.declares[0] ?? target),
        kind: 'eager-init',
        severity: severityFor(cost),
        file: id,
        line: first.line,
        ...(symbol ? { symbol } : {}),
        message: keeper
          ? `${what}; a memoised getter would defer the work only (${keeper} keeps ${target} loaded at import), so no module stops loading.`
          : `${what}; ${fix}`,
        cost,
        target: first.callee && statements.length === 1 ? first.callee : target,
      });
    }
  }
  return findings;
}

/** The module the callee comes from: `getEncoding` → `js-tiktoken`, `z.object` → `zod`. */
function targetOf(statement: TopLevelStatement, bindings: FindingsInput['facts'][string]['bindings']): string | undefined {
  if (!statement.callee) return undefined;
  const root = statement.callee.replace(/^new\s+/, '').split(/[.([\s]/)[0]!;
  return bindings.find((b) => b.local === root)?.module;
}

/**
 * The local modules that import a package at the top level for more than building values at
 * import (those are deferred the same way), worked out once per package: a generated client
 * has hundreds of modules building schemas from one local package at import.
 */
class EagerImporters {
  private readonly byTarget = new Map<string, { id: string; at: string }[]>();

  constructor(private readonly input: FindingsInput) {}

  /** `file:line` of such a module other than `file`, the first in graph order. */
  other(target: string, file: string): string | undefined {
    return this.of(target).find((importer) => importer.id !== file)?.at;
  }

  private of(target: string): { id: string; at: string }[] {
    const known = this.byTarget.get(target);
    if (known) return known;
    const importers: { id: string; at: string }[] = [];
    for (const node of Object.values(this.input.graph.modules)) {
      if (node.kind !== 'local') continue;
      // A module that also only builds values from the package at import defers alongside the others.
      const facts = this.input.facts[node.id];
      if (facts?.statements.some((s) => s.kind === 'eager-init' && targetOf(s, facts.bindings) === target)) continue;
      const edge = node.imports.find((e) => e.to === target && !e.lazy && !(e.kind === 'side-effect' && e.specifier !== target));
      if (edge) importers.push({ id: node.id, at: `${node.id}:${edge.line}` });
    }
    this.byTarget.set(target, importers);
    return importers;
  }
}
