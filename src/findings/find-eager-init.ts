import type { TopLevelStatement } from '../facts/module-facts.js';
import type { FindingsInput } from './find-findings.js';
import type { Finding } from './finding.js';
import { findingId, importSaving, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';

/**
 * Top-level calls of imported code (`getEncoding('cl100k_base')`, `z.object(...)`, top-level
 * await), grouped per module and imported package: one finding for a module's nine zod
 * schemas, not nine. The cost is what deferring that package's import would save, which a
 * lazy initialiser (a memoised getter) makes possible. Calls into Node builtins
 * (`createRequire(import.meta.url)`, `fileURLToPath(...)`, `promisify(...)`) are set-up, not
 * heavy initialisation: deferring them saves no import, so they are not findings.
 */
export function findEagerInit(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  for (const [id, facts] of Object.entries(input.facts)) {
    const groups = new Map<string, TopLevelStatement[]>();
    for (const statement of facts.statements) {
      if (statement.kind !== 'eager-init') continue;
      const target = targetOf(statement, facts.bindings) ?? statement.callee ?? 'await';
      if (input.graph.modules[target]?.kind === 'builtin') continue;
      const group = groups.get(target) ?? [];
      group.push(statement);
      groups.set(target, group);
    }
    for (const [target, statements] of groups) {
      const first = statements[0]!;
      const symbol = first.declares[0];
      const cost = input.graph.modules[target] ? importSaving(input.cost, id, target) : { exclusiveBytes: 0, exclusiveModules: 0 };
      const names = statements.flatMap((s) => s.declares);
      const what = statements.length === 1
        ? `\`${first.text}\` runs ${first.callee ?? 'imported code'} at import`
        : `${statements.length} top-level statements (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}) call ${target} at import`;
      findings.push({
        id: findingId('eager-init', id, symbol ?? target),
        kind: 'eager-init',
        severity: severityFor(cost),
        file: id,
        line: first.line,
        ...(symbol ? { symbol } : {}),
        message: `${what}; wrap ${statements.length === 1 ? 'it' : 'them'} in a memoised getter so the work (and ${target}, ${formatBytes(cost.exclusiveBytes)}) happens on first use.`,
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
