import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding, FindingKind } from '../findings/finding.js';
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import type { PlanOperation } from './plan.js';

/** What a planner may look at besides the finding. */
export interface PlanContext {
  /** The project as it is on disk (root and a reader). */
  project: ProjectReader;
  /** Source files of the project (relative, forward slashes), for planners that must find importers. */
  sourceFiles: string[];
  /** The module graph when the caller has it. */
  graph?: ModuleGraph;
  /** The analysis' facts of each module of the graph, by module id (what planners know of the code). */
  facts?: Record<string, ModuleFacts>;
  /** User choices that shape operations, e.g. `deprecate` (JSDoc `@deprecated` on shims). */
  choices: PlanChoices;
}

/** User choices from the command line that planners pass into operation options. */
export interface PlanChoices {
  /** Mark re-export shims `@deprecated`, pointing at the new module. */
  deprecate?: boolean;
  /** Native ESM: let deferrals replace an exported value by its accessor (changes the module's API). */
  allowApiChange?: boolean;
}

/**
 * Turns findings of some kinds into plan operations. One planner per transform; a planner
 * returns no operation for a finding it cannot fix (and says why in a diagnostic).
 */
export interface Planner {
  /** Finding kinds this planner reads. */
  kinds: FindingKind[];
  /** The transform its operations name. */
  transform: string;
  plan(finding: Finding, context: PlanContext): PlannerResult;
}

/** Operations for one finding, and notes about what was left out. */
export interface PlannerResult {
  operations: PlanOperation[];
  /** Why a finding (or part of it) got no operation, each naming the finding; shown with the plan. */
  skipped?: Diagnostic[];
}

/** Where a diagnostic points: the file and line the planner knows. */
export interface PlanLocation {
  file?: string;
  line?: number;
}

/**
 * A finding (or part of one) that gets no operation: `code` says why in one word
 * (`nothing-saved`, `stays-eager`, `not-deferrable`...), `message` in a sentence. It points at
 * `where`, by default the finding's own place.
 */
export function notPlanned(finding: Finding, code: string, message: string, where: PlanLocation = finding, severity: Diagnostic['severity'] = 'info'): Diagnostic {
  return {
    code,
    severity,
    message,
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.line !== undefined && where.line > 0 ? { line: where.line } : {}),
    finding: finding.id,
  };
}
