import type { ProjectReader } from '../../transforms/transform-module.js';
import { transforms } from '../../transforms/index.js';
import type { PlanOperation } from './plan.js';

/**
 * Problems between operations, one line each: duplicate ids, two operations creating the same
 * file, or an operation creating a file that already exists and that it did not plan to replace.
 */
export function findConflicts(operations: PlanOperation[], project: ProjectReader): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const createdBy = new Map<string, string>();
  for (const operation of operations) {
    if (ids.has(operation.id)) problems.push(`two operations have the id "${operation.id}"`);
    ids.add(operation.id);
    const created = transforms[operation.transform]?.planFiles?.(operation.options, project) ?? [];
    for (const file of created) {
      const other = createdBy.get(file.path);
      if (other) problems.push(`operations "${other}" and "${operation.id}" both create ${file.path}`);
      createdBy.set(file.path, operation.id);
    }
  }
  return problems;
}
