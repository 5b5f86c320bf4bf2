import { findTransform } from '../../transforms/index.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import type { PlanOperation } from './plan.js';

/**
 * Operations are planned from findings on the project as it is, but run after the splits
 * before them. A later operation that names a declaration (`options.file` + `options.name`)
 * a split moves is pointed at the declaration's new file, and that file joins its `files`.
 * A registry operation's `options.consumers` gain the files declarations move to from a listed consumer.
 * Returns new operation objects; the input is not changed.
 */
export function relocateOperations(ordered: PlanOperation[], project: ProjectReader): PlanOperation[] {
  const moved = new Map<string, string>();
  return ordered.map((operation) => {
    let result = operation;
    const file = operation.options.file;
    const name = operation.options.name;
    const to = typeof file === 'string' && typeof name === 'string' ? moved.get(`${file}#${name}`) : undefined;
    if (to) {
      result = {
        ...operation,
        summary: `${operation.summary} (in ${to}, where the split moves ${name})`,
        files: operation.files.includes(to) ? operation.files : [...operation.files, to],
        options: { ...operation.options, file: to },
      };
    }
    // A map's callers (`options.consumers`, native ESM factory and object maps): a split may have moved a caller out of a
    // listed module, so the modules it moves declarations into are searched for calls too.
    const consumers = result.options.consumers;
    if (Array.isArray(consumers)) {
      const targets = [...moved.keys()].filter((key) => consumers.includes(key.slice(0, key.lastIndexOf('#')))).map((key) => moved.get(key)!);
      const added = [...new Set(targets)].filter((to) => !consumers.includes(to));
      if (added.length > 0) {
        result = {
          ...result,
          files: [...result.files, ...added.filter((to) => !result.files.includes(to))],
          options: { ...result.options, consumers: [...consumers, ...added] },
        };
      }
    }
    for (const m of findTransform(operation.transform)?.movedDeclarations?.(operation.options, project) ?? []) {
      moved.set(`${m.from}#${m.name}`, m.to);
    }
    return result;
  });
}
