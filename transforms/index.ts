// Every transform lazify can run, by name. A plan operation's `transform` must be a key here.
// Add a transform with one import and one entry; the meta-test checks name, docs and fixtures.
import type { LazifyTransformModule } from './transform-module.js';
import * as godModuleToFocusedModules from './god-module-to-focused-modules/index.js';
import * as registryToManifest from './registry-to-manifest/index.js';
import * as deferEagerInit from './defer-eager-init/index.js';
import * as deferHeavyImport from './defer-heavy-import/index.js';

// No prototype: a plan naming `constructor` or `__proto__` must not find Object's members.
export const transforms: Readonly<Record<string, LazifyTransformModule>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, LazifyTransformModule>, {
    [godModuleToFocusedModules.meta.name]: godModuleToFocusedModules,
    [registryToManifest.meta.name]: registryToManifest,
    [deferEagerInit.meta.name]: deferEagerInit,
    [deferHeavyImport.meta.name]: deferHeavyImport,
  }),
);

/** The transform a plan operation names, or undefined for any name that is not one of lazify's own. */
export function findTransform(name: unknown): LazifyTransformModule | undefined {
  return typeof name === 'string' && Object.hasOwn(transforms, name) ? transforms[name] : undefined;
}

export { parseOptions, type ParsedOptions } from './parse-options.js';
export type { LazifyTransformModule, LazyLoadFormat, TransformDiagnostic, TransformMeta, TransformOptionDoc, TransformPhase, PlannedFile, ProjectReader } from './transform-module.js';
