// Every planner, one per transform. buildPlan runs each over the findings of its kinds.
import type { Planner } from './planner.js';
import { godModulePlanner } from './plan-god-module-split.js';
import { registryManifestPlanner } from './plan-registry-manifests.js';
import { eagerInitPlanner, heavyImportPlanner } from './plan-deferrals.js';

export const planners: Planner[] = [godModulePlanner, registryManifestPlanner, eagerInitPlanner, heavyImportPlanner];
