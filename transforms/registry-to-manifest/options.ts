// The options a registry-to-manifest operation carries. The same object comes from a lazify
// plan or from the jscodeshift CLI (`--shape=object-map --registry=MODEL_PREFIXES ...`).
import { z } from 'zod';
import { parseOptions, pickOptions } from '../parse-options.js';
import { IDENTIFIER, lazyLoadFormatSchema, syntaxLevelSchema } from '../option-schemas.js';
import type { LazyLoadFormat, OptionPath } from '../transform-module.js';

/** Options of one registry-to-manifest operation. Paths are relative to the project root. */
export interface RegistryToManifestOptions {
  /** How the registry is written in source. */
  shape: 'object-map' | 'register-calls' | 'factory-map' | 'export-getters';
  /**
   * object-map / factory-map: the exported or top-level binding holding the map (`MODEL_PREFIXES`).
   * register-calls: the callee as written at the calls (`registerProvider`, `registry.register`).
   */
  registry: string;
  /** The file holding the map or the register calls. */
  file: string;
  /** The manifest module to create beside `file` (e.g. `src/router.manifest.ts`); unused by export-getters. */
  manifest: string;
  /**
   * How the output loads modules: `cjs` (JavaScript CommonJS or TS compiled to CommonJS), native
   * `esm` (`import()`, awaited), or `esm-require` (native ESM whose Node can `require()` ES
   * modules: synchronous loaders, the registry keeps its API).
   */
  moduleFormat: LazyLoadFormat;
  /** register-calls: the file that defines the register function; it gains loader support. */
  registryModule?: string;
  /** register-calls: the register function's name in `registryModule` (`registerProvider`, `register`). */
  registerFunction?: string;
  /**
   * factory-map, native ESM: modules that import the map and call its factories (each call
   * gains an `await`, since a factory now returns a promise).
   */
  consumers?: string[];
  /** Project root (lazify sets it; under the jscodeshift CLI paths are taken from the working directory). */
  root?: string;
  /**
   * The newest ECMAScript edition the project's JavaScript may use (5, 2015, 2017 ...), when its
   * engines, tsconfig target or lint ecmaVersion limit it (src/project/syntax-level.ts): below
   * 2015 the output is written with `var` and `function` only; below 2017 without `Object.entries`.
   */
  syntaxLevel?: number;
}

const common = {
  registry: z.string().min(1).describe('object-map / factory-map: the binding holding the map (MODEL_PREFIXES); register-calls: the callee as written at the calls (registerProvider, registry.register).'),
  file: z.string().min(1).describe('The file holding the map or the register calls, relative to the project root.'),
  moduleFormat: lazyLoadFormatSchema.describe('How the output loads modules: cjs, esm (import(), awaited) or esm-require (native ESM whose Node can require() ES modules).'),
  syntaxLevel: syntaxLevelSchema.optional(),
};
const manifest = z.string().min(1).describe('The manifest module to create beside file (src/router.manifest.ts), relative to the project root.');
const consumers = z.array(z.string().min(1)).optional().describe('Native ESM: modules whose factory calls or map reads gain an await (a factory now returns a promise).');

/**
 * The options as a plan carries them, one set per `shape` (JSON types, no key besides these):
 * lazify checks a plan's operation against it, and {@link readOptions} the options of a run.
 */
export const optionsSchema = z
  .discriminatedUnion('shape', [
    z.strictObject({ shape: z.literal('object-map'), ...common, manifest, consumers }),
    z.strictObject({ shape: z.literal('factory-map'), ...common, manifest, consumers }),
    z.strictObject({
      shape: z.literal('register-calls'),
      ...common,
      manifest,
      registryModule: z.string().min(1).describe('The file that defines the register function; it gains loader support.'),
      registerFunction: z.string().regex(IDENTIFIER, { error: 'must be an identifier' }).describe('The register function\'s name in registryModule (registerProvider, register).'),
    }),
    // No manifest: the getters already are the lazy entries.
    z.strictObject({ shape: z.literal('export-getters'), ...common, consumers }),
  ])
  .describe('Options of a registry-to-manifest operation; which keys it takes depends on shape.');

/** Every key an operation of some shape may carry. */
const OPTION_KEYS = [...new Set(optionsSchema.options.flatMap((branch) => Object.keys(branch.shape)))];

/**
 * Reads and checks options; returns a message naming the first problem, or the options (with
 * lazify's `root`). Under the jscodeshift CLI options are flat strings beside jscodeshift's own:
 * those are read as JSON values, the others left out.
 */
export function readOptions(raw: Record<string, unknown>): RegistryToManifestOptions | string {
  const known = pickOptions(raw, OPTION_KEYS);
  if (typeof known.consumers === 'string') known.consumers = known.consumers.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof known.syntaxLevel === 'string' && known.syntaxLevel.trim() !== '') known.syntaxLevel = Number(known.syntaxLevel);
  const { options, problem } = parseOptions(optionsSchema, known);
  if (problem !== undefined) return `registry-to-manifest: ${problem}`;
  // export-getters names no manifest; the transform never reads one for it.
  return { manifest: '', ...options, ...(typeof raw.root === 'string' ? { root: raw.root } : {}) };
}

/** Every path the options name: the registry file, the manifest, the register module, the consumers. */
export function optionPaths(raw: Record<string, unknown>): OptionPath[] {
  const paths: OptionPath[] = [];
  for (const option of ['file', 'manifest', 'registryModule'] as const) {
    const path = raw[option];
    if (typeof path === 'string') paths.push({ option, path });
  }
  if (Array.isArray(raw.consumers)) raw.consumers.forEach((path, i) => typeof path === 'string' && paths.push({ option: `consumers[${i}]`, path }));
  return paths;
}
