import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId } from './finding-severity.js';

/**
 * Global mutations at import time (`process.env.X ??= ...`, `globalThis.x =`, prototype and
 * console patches). They cost little to run but pin their module, and everything that imports
 * it, to eager loading: moving the module behind a lazy import would change behaviour.
 */
export function findGlobalSideEffects(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  for (const [id, facts] of Object.entries(input.facts)) {
    for (const statement of facts.statements) {
      if (statement.kind !== 'global-mutation') continue;
      const symbol = statement.declares[0];
      findings.push({
        id: findingId('global-side-effect', id, symbol ?? mutatedTarget(statement.text)),
        kind: 'global-side-effect',
        // Not a size problem, but it decides what can be made lazy safely.
        severity: 'low',
        file: id,
        line: statement.line,
        ...(symbol ? { symbol } : {}),
        message: `\`${statement.text}\` changes global state at import: move it into an explicit init function the entry calls, so importing ${id} has no effect and it can load lazily.`,
        cost: { exclusiveBytes: 0, exclusiveModules: 0 },
      });
    }
  }
  return findings;
}

/** What a global mutation changes, from its text: `process.env.LEVEL ??= 'info'` -> `process.env.LEVEL`. */
function mutatedTarget(text: string): string {
  return text.split(/\s*(?:\?\?=|\|\|=|&&=|[-+*/]=|=(?!=)|\()/)[0]!.replace(/\s+/g, ' ').trim() || text.slice(0, 40);
}
