// Where an operation may read and write: its files, every path option of its transform and
// every file it plans to create must be source files inside the project root (after symlinks),
// never in .git/ or node_modules/. The default plan drops an operation that fails this; an
// edited plan that fails it is invalid.
import { findTransform } from '../../transforms/index.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import { sourcePathProblem } from '../project/confine-path.js';
import type { PlanOperation } from './plan.js';

/** Options lazify sets itself when it runs a transform; a plan that sets them is refused. */
export const RESERVED_OPTIONS = ['root', 'driver', 'project'] as const;

/**
 * The first path problem of an operation's `files` and path options, as one line naming the
 * option and the path (`option "manifest": ../x.ts leads outside the project root`), or
 * undefined when every path is confined. `checked` remembers each path's answer across calls
 * made while the tree does not change (a plan's operations that each name every source file).
 */
export function operationPathProblem(operation: PlanOperation, root: string, checked?: Map<string, string | undefined>): string | undefined {
  const problemOf = (path: string) => {
    if (checked?.has(path)) return checked.get(path);
    const problem = sourcePathProblem(root, path);
    checked?.set(path, problem);
    return problem;
  };
  for (const file of operation.files) {
    const problem = problemOf(file);
    if (problem) return `"files": ${problem}`;
  }
  for (const { option, path } of findTransform(operation.transform)?.optionPaths?.(operation.options) ?? []) {
    const problem = problemOf(path);
    if (problem) return `option "${option}": ${problem}`;
  }
  return undefined;
}

/** The first problem with a file the operation plans to create: not confined (see above). */
export function plannedPathProblem(path: string, project: ProjectReader): string | undefined {
  const problem = sourcePathProblem(project.root, path);
  return problem ? `it would create ${problem}` : undefined;
}
