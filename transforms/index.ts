// Every transform lazify can run, by name. A plan operation's `transform` must be a key here.
// Add a transform with one import and one entry; the meta-test checks name, docs and fixtures.
import type { LazifyTransformModule } from './transform-module.js';
import * as godModuleToFocusedModules from './god-module-to-focused-modules/index.js';

export const transforms: Record<string, LazifyTransformModule> = {
  [godModuleToFocusedModules.meta.name]: godModuleToFocusedModules,
};

export type { LazifyTransformModule, TransformMeta, TransformPhase, PlannedFile, ProjectReader } from './transform-module.js';
