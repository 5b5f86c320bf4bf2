import type { Finding } from '../findings/finding.js';

/** Findings that only save anything together: each alone reports the same saving. */
export interface SharedSaving {
  kind: Finding['kind'];
  /** The findings, in rank order; two or more. */
  findings: Finding[];
  /** The saving they share, said once. */
  cost: Finding['cost'];
  /** What they all load: the registered modules (registries) or the package or callee; a factory group's providers. */
  loads: string[];
  /** Factories over the same providers, each keeping them loaded for the others (their findings' `together`). */
  together?: true;
}

/** What a finding keeps loaded, as a key two findings share when they load the same things. */
function loadsOf(finding: Finding): string[] | undefined {
  if (finding.kind === 'registry') {
    const modules = [...new Set((finding.entries ?? []).map((e) => e.module).filter((m): m is string => !!m))].sort();
    return modules.length ? modules : undefined;
  }
  return finding.target ? [finding.target] : undefined;
}

/**
 * Ranked findings with those that share one saving folded together: findings of one kind that
 * load the same modules and each report the same (non-zero) saving are one fix in several
 * places ("these 3 registries load the same 12 providers; convert all three"), and so are
 * factories that name each other in `together` (each claims what deferring in all of them
 * saves), so a report says the saving once. Order is kept: a group stands where its first
 * finding stood.
 */
export function groupSharedSavings(ranked: readonly Finding[]): Array<Finding | SharedSaving> {
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding) => {
    if (f.together && f.together.length > 0 && f.cost.exclusiveBytes > 0) return JSON.stringify(['together', [f.id, ...f.together].sort()]);
    const loads = loadsOf(f);
    if (!loads || f.cost.exclusiveBytes === 0) return undefined;
    return JSON.stringify([f.kind, f.cost.exclusiveBytes, f.cost.exclusiveModules, f.cost.measuredMs ?? null, loads]);
  };
  for (const f of ranked) {
    const key = keyOf(f);
    if (key) groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: Array<Finding | SharedSaving> = [];
  const placed = new Set<string>();
  for (const f of ranked) {
    const key = keyOf(f);
    const group = key ? groups.get(key)! : undefined;
    if (!group || group.length < 2) {
      out.push(f);
      continue;
    }
    if (placed.has(key!)) continue;
    placed.add(key!);
    if (f.together) out.push({ kind: f.kind, findings: group, cost: f.cost, loads: [...new Set(group.flatMap((g) => g.bindings ?? []))].sort(), together: true });
    else out.push({ kind: f.kind, findings: group, cost: f.cost, loads: loadsOf(f)! });
  }
  return out;
}

export function isSharedSaving(item: Finding | SharedSaving): item is SharedSaving {
  return 'findings' in item;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const KIND_NOUNS: Record<Finding['kind'], [string, string]> = {
  registry: ['registry', 'registries'],
  'eager-init': ['statement', 'statements'],
  'global-side-effect': ['side effect', 'side effects'],
  'god-module': ['module', 'modules'],
  cycle: ['cycle', 'cycles'],
  'heavy-import': ['import', 'imports'],
};

/** "these 3 registries load the same 12 modules; convert all three" */
export function sharedSavingHeadline(group: SharedSaving): string {
  const count = group.findings.length;
  const noun = KIND_NOUNS[group.kind][1];
  const all = count === 2 ? 'both' : `all ${NUMBER_WORDS[count] ?? count}`;
  if (group.together) return `these ${count} factories pick among the same providers (${group.loads.join(', ')}), each keeping them loaded for the ${count === 2 ? 'other' : 'others'}; fix ${all}`;
  const what = group.kind === 'registry' ? `the same ${group.loads.length === 1 ? 'module' : `${group.loads.length} modules`}` : group.loads.join(', ');
  const verb = group.kind === 'registry' ? 'convert' : 'fix';
  return `these ${count} ${noun} load ${what}; ${verb} ${all}`;
}
