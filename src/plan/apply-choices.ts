import { findTransform } from '../../transforms/index.js';
import type { Plan } from './plan.js';
import type { PlanChoices } from './planner.js';

/**
 * Sets the options the user's choices stand for on every operation of `plan` (a plan given to
 * apply was planned without them): each transform declares in its metadata which of its
 * options a choice sets (`--deprecate` sets the split's `deprecate`), so no caller names one.
 */
export function applyChoices(plan: Plan, choices: PlanChoices): void {
  for (const operation of plan.operations) {
    for (const option of findTransform(operation.transform)?.meta.options ?? []) {
      if (option.choice && choices[option.choice] === true) operation.options[option.name] = true;
    }
  }
}
