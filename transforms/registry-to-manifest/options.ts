// The options a registry-to-manifest operation carries. The same object comes from a lazify
// plan or from the jscodeshift CLI (`--shape=object-map --registry=MODEL_PREFIXES ...`).
import { LAZY_LOAD_FORMATS, type LazyLoadFormat } from '../transform-module.js';
import type { OptionPath } from '../transform-module.js';

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

const SHAPES = ['object-map', 'register-calls', 'factory-map', 'export-getters'];

/** Reads and checks options; returns a message naming the first problem, or the options. */
export function readOptions(raw: Record<string, unknown>): RegistryToManifestOptions | string {
  const options = raw as Partial<RegistryToManifestOptions>;
  if (!SHAPES.includes(String(options.shape))) return `registry-to-manifest: option "shape" must be one of ${SHAPES.join(', ')}`;
  // export-getters writes no manifest: its getters already are the lazy entries.
  for (const key of options.shape === 'export-getters' ? (['registry', 'file'] as const) : (['registry', 'file', 'manifest'] as const)) {
    if (typeof options[key] !== 'string' || options[key] === '') return `registry-to-manifest: option "${key}" is required`;
  }
  if (!LAZY_LOAD_FORMATS.includes(options.moduleFormat as LazyLoadFormat)) return `registry-to-manifest: option "moduleFormat" must be one of ${LAZY_LOAD_FORMATS.join(', ')}`;
  if (options.shape === 'register-calls' && (!options.registryModule || !options.registerFunction)) {
    return 'registry-to-manifest: register-calls needs "registryModule" and "registerFunction"';
  }
  if (options.consumers !== undefined && (!Array.isArray(options.consumers) || options.consumers.some((c) => typeof c !== 'string'))) {
    return 'registry-to-manifest: option "consumers" must be a list of paths';
  }
  if (options.syntaxLevel !== undefined && !(Number(options.syntaxLevel) >= 3)) return 'registry-to-manifest: option "syntaxLevel" must be an ECMAScript edition (5, 2015, 2021...)';
  if (options.syntaxLevel !== undefined) options.syntaxLevel = Number(options.syntaxLevel);
  return options as RegistryToManifestOptions;
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
