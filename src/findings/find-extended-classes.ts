import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId, severityFor } from './finding-severity.js';
import { formatBytes } from '../messages/format-size.js';

/**
 * Classes that `extend` a class imported from a package (`class OpenAIProvider extends
 * OpenAI`): defining the class needs the package, so it loads with the class's module and no
 * rewrite of that module can defer it. What defers it is loading the class's module lazily in
 * the modules that import it; the finding names them. Reported once per module and package.
 */
export function findExtendedClasses(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  for (const [id, facts] of Object.entries(input.facts)) {
    const seen = new Set<string>();
    for (const base of facts.classBases ?? []) {
      const binding = facts.bindings.find((b) => b.local === base.base && !b.typeOnly);
      const target = binding?.module;
      if (!target || seen.has(target) || input.graph.modules[target]?.kind !== 'external') continue;
      seen.add(target);
      const importers = Object.values(input.graph.modules)
        .filter((m) => m.kind === 'local')
        .flatMap((m) => m.imports.filter((e) => e.to === id && !e.lazy).map((e) => `${m.id}:${e.line}`));
      const module = input.cost.module(id);
      const cost = { exclusiveBytes: module?.exclusiveBytes ?? 0, exclusiveModules: module?.exclusiveModules ?? 0 };
      const where = importers.length > 0 ? `its importers (${importers.join(', ')}) must load ${id} lazily` : `${id} is the entry, so it cannot be loaded lazily`;
      const blocker = `\`class ${base.name} extends ${base.base}\` (line ${base.line}) needs ${target} when the class is defined: ${target} loads with ${id} and cannot move into a function there; ${where}`;
      findings.push({
        id: findingId('heavy-import', id, base.name),
        kind: 'heavy-import',
        severity: severityFor(cost),
        file: id,
        line: base.line,
        symbol: target,
        message: `${target} stays loaded at import: ${blocker} (${formatBytes(cost.exclusiveBytes)} saved when it is).`,
        cost,
        target,
        convertible: false,
        blockers: [blocker],
      });
    }
  }
  return findings;
}
