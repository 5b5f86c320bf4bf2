// Every transform lazify can run, by name. A plan operation's `transform` must be a key here.
// Add a transform with one import and one entry; the meta-test checks name, docs and fixtures.
import type { LazifyTransformModule } from './transform-module.js';
import * as godModuleToFocusedModules from './god-module-to-focused-modules/index.js';
import * as registryToManifest from './registry-to-manifest/index.js';
import * as deferEagerInit from './defer-eager-init/index.js';
import * as deferHeavyImport from './defer-heavy-import/index.js';

export const transforms: Record<string, LazifyTransformModule> = {
  [godModuleToFocusedModules.meta.name]: godModuleToFocusedModules,
  [registryToManifest.meta.name]: registryToManifest,
  [deferEagerInit.meta.name]: deferEagerInit,
  [deferHeavyImport.meta.name]: deferHeavyImport,
};

export type { LazifyTransformModule, TransformMeta, TransformPhase, PlannedFile, ProjectReader } from './transform-module.js';
