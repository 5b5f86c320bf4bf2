import type { Finding } from './finding.js';
import type { FindingsInput } from './findings-input.js';
import { findRegistries } from './find-registries.js';
import { findEagerInit } from './find-eager-init.js';
import { findGlobalSideEffects } from './find-global-side-effects.js';
import { findGodModules } from './find-god-modules.js';
import { findCycles } from './find-cycles.js';
import { findHeavyImports } from './find-heavy-imports.js';
import { findProviderFactories } from './find-provider-factories.js';
import { findExtendedClasses } from './find-extended-classes.js';

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** All findings, biggest exclusive savings first (then severity, file, line for a stable order). */
export function findFindings(input: FindingsInput): Finding[] {
  // Modules lazify generated (manifests) are its own lazy loading, not something to fix.
  const generated = (finding: Finding) => input.facts[finding.file]?.generatedBy !== undefined;
  // A module the entry reaches only through lazy edges (a getter's require(), import()) costs
  // nothing at import: what it does there is already deferred, so it is no finding. Cycles stay:
  // they break loading whenever it happens.
  const loadedAtImport = (file: string) => input.cost.module(file)?.eager !== false;
  const findings = [
    ...findRegistries(input),
    ...findEagerInit(input),
    ...findGodModules(input),
    ...findHeavyImports(input),
    ...findProviderFactories(input),
    ...findExtendedClasses(input),
    ...findGlobalSideEffects(input),
  ]
    .filter((finding) => loadedAtImport(finding.file))
    .concat(findCycles(input))
    .filter((finding) => !generated(finding));
  findings.sort(
    (a, b) =>
      b.cost.exclusiveBytes - a.cost.exclusiveBytes ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.id.localeCompare(b.id),
  );
  return withUniqueIds(findings);
}

/** Two findings with one id (two identical mutations of a global in a file): the later ones get `#2`, `#3` by line. */
function withUniqueIds(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    same.sort((a, b) => a.line - b.line).forEach((finding, index) => {
      if (index > 0) finding.id = `${finding.id}#${index + 1}`;
    });
  }
  return findings;
}
