// Every planner, one per transform. buildPlan runs each over the findings of its kinds.
import type { Planner } from './planner.js';
import { godModulePlanner } from './plan-god-module-split.js';

export const planners: Planner[] = [godModulePlanner];
