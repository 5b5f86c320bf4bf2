import { LazifyError } from '../diagnostics/diagnostic.js';
import { isStackOverflow } from '../diagnostics/nesting-too-deep.js';
import { findTransform, parseOptions, transforms } from '../../transforms/index.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import type { Plan, PlanOperation } from './plan.js';
import { operationPathProblem, plannedPathProblem, RESERVED_OPTIONS } from './check-operation-paths.js';
import { findConflicts } from './find-conflicts.js';
import { operationKeysSchema, planKeysSchema } from './plan-schema.js';

/**
 * Checks a plan a user may have edited and returns it typed. The first problem found is thrown
 * as a LazifyError (`invalid-plan`) whose message is one line naming the operation and the
 * problem, so the CLI prints it and exits 2 before anything is written.
 */
export function validatePlan(raw: unknown, project: ProjectReader): Plan {
  const fail = (message: string): never => {
    throw new LazifyError('invalid-plan', `invalid plan: ${message}`);
  };
  if (!isObject(raw)) fail('expected a JSON object with "schemaVersion" and "operations"');
  const plan = raw as Record<string, unknown>;
  if (plan.schemaVersion !== 1) fail(`unsupported schemaVersion ${JSON.stringify(plan.schemaVersion)} (expected 1)`);
  if (!Array.isArray(plan.operations)) fail('"operations" must be an array');
  const keys = parseOptions(planKeysSchema, plan, 'key');
  if (keys.problem !== undefined) fail(keys.problem);
  const operations = plan.operations as unknown[];
  // Later operations may name files earlier ones create (a deferral in a module a split makes),
  // so each is checked against the project plus the files planned before it.
  const planned = new Map<string, string>();
  const overlay: ProjectReader = { root: project.root, read: (path) => planned.get(path) ?? project.read(path) };
  const ids = new Set<string>();
  operations.forEach((op, index) => {
    const id = isObject(op) ? op.id : undefined;
    if (typeof id === 'string' && ids.has(id)) fail(`two operations have the id "${id}"`);
    if (typeof id === 'string') ids.add(id);
    try {
      checkOperation(op, index, overlay, fail);
      const operation = op as PlanOperation;
      for (const file of findTransform(operation.transform)?.planFiles?.(operation.options, overlay) ?? []) {
        const outside = plannedPathProblem(file.path, project);
        if (outside) fail(`operation "${operation.id}": ${outside}`);
        planned.set(file.path, file.source);
      }
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      fail(`operation "${String(id)}": a file it reads nests expressions too deeply to parse (the stack ran out)`);
    }
  });
  const conflicts = findConflicts(operations as PlanOperation[], project);
  if (conflicts.length > 0) fail(conflicts[0]!);
  return { schemaVersion: 1, root: typeof plan.root === 'string' ? plan.root : project.root, operations: operations as PlanOperation[] };
}

function checkOperation(raw: unknown, index: number, project: ProjectReader, fail: (message: string) => never): void {
  if (!isObject(raw)) fail(`operation ${index + 1} is not an object`);
  const op = raw as Record<string, unknown>;
  const name = typeof op.id === 'string' && op.id ? `operation "${op.id}"` : fail(`operation ${index + 1} has no "id"`);
  if (typeof op.transform !== 'string') fail(`${name} has no "transform"`);
  const transform = findTransform(op.transform);
  if (!transform) fail(`${name} names unknown transform ${JSON.stringify(op.transform)} (known: ${Object.keys(transforms).join(', ')})`);
  if (!Array.isArray(op.files) || !op.files.every((f) => typeof f === 'string')) fail(`${name}: "files" must be an array of paths`);
  if (!isObject(op.options)) fail(`${name}: "options" must be an object`);
  const keys = parseOptions(operationKeysSchema, op, 'key');
  if (keys.problem !== undefined) fail(`${name}: ${keys.problem}`);
  if (op.summary === undefined) op.summary = '';
  const reserved = RESERVED_OPTIONS.find((key) => Object.hasOwn(op.options as object, key));
  if (reserved) fail(`${name}: option "${reserved}" is set by lazify; remove it from the plan`);
  // The shape from the transform's schema (types, required and unknown options); nothing is read yet.
  const shape = parseOptions(transform!.optionsSchema, op.options);
  if (shape.problem !== undefined) fail(`${name}: ${shape.problem}`);
  // Before the transform reads anything: a path out of the project must not even be read.
  const pathProblem = operationPathProblem(op as unknown as PlanOperation, project.root);
  if (pathProblem) fail(`${name}: ${pathProblem}`);
  const problem = transform!.validateOptions?.(op.options as Record<string, unknown>, project);
  if (problem) fail(`${name}: ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
