// registry-to-manifest: an eagerly filled registry (object map, factory map or top-level
// register calls) becomes a static manifest module plus lazy loaders, so importing the
// registry loads no provider. Run alone:
//   npx jscodeshift --parser=ts -t transforms/registry-to-manifest/index.ts src/router.ts \
//     --shape=object-map --registry=MODEL_PREFIXES --file=src/router.ts \
//     --manifest=src/router.manifest.ts --moduleFormat=cjs
// (the manifest file itself is created by `lazify apply`, through planFiles).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import jscodeshift from 'jscodeshift';
import { printSource, styleNewFile } from '../shared-lazy-loading/print-source.js';
import { groupManifestImport } from './group-manifest-import.js';
import type { API, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { importedConstantValues } from '../shared-lazy-loading/constant-keys.js';
import type { PlannedFile, ProjectReader, TransformDiagnostic, TransformMeta } from '../transform-module.js';
import { jscodeshiftFor, parseFailure } from '../shared-lazy-loading/parser-for-file.js';
import { diskProject, projectFromOptions } from '../shared-lazy-loading/disk-project.js';
import { valueKeyReader } from './value-keys.js';
import { loaderSyntaxFor } from '../shared-lazy-loading/lazy-reference.js';
import { awaitFactoryCalls, awaitObjectMapReads } from './await-factory-calls.js';
import { addRegistryLoaders } from './add-registry-loaders.js';
import { collectRegistry } from './collect-entries.js';
import { readOptions, type RegistryToManifestOptions } from './options.js';
import { requireInGetters } from './require-in-getters.js';
import { starExportsToGetters } from './export-star-getters.js';
import { calledInteropHelpers, pruneInteropHelpers } from '../shared-lazy-loading/interop-helpers.js';

export { optionPaths, optionsSchema } from './options.js';
import { defaultManifestPath, isTypeScriptPath, manifestBindingName, manifestLayout, manifestSpecifier, renderManifest } from './render-manifest.js';
import { rewriteRegistryFile } from './rewrite-registry-file.js';
import { usesFastProperties } from './fast-properties.js';

export const meta: TransformMeta = {
  name: 'registry-to-manifest',
  description: 'Turns an eagerly filled provider registry into a static manifest with lazy loaders.',
  phase: 'registry',
  options: [
    { name: 'shape', required: true, description: 'object-map, factory-map, register-calls or export-getters (Babel/tsc CommonJS re-export getters: no manifest, the require moves into each getter)' },
    { name: 'registry', required: true, description: 'the map binding (MODEL_PREFIXES) or the register callee as written (registerProvider)' },
    { name: 'file', required: true, description: 'the file holding the map or the calls, root-relative' },
    { name: 'manifest', required: true, description: 'the manifest module to create (src/router.manifest.ts)' },
    { name: 'moduleFormat', required: true, description: 'cjs, esm (import()) or esm-require (native ESM through createRequire)' },
    { name: 'registryModule', description: 'register-calls: the module defining the register function' },
    { name: 'registerFunction', description: 'register-calls: the register function\'s name in registryModule' },
    { name: 'consumers', description: 'native ESM: modules whose factory calls or value reads gain an await' },
    { name: 'syntaxLevel', description: 'the newest ECMAScript edition the project\'s JavaScript may use (5: var and function only)' },
  ],
};

export const parser = 'ts';

/** True when `specifier`, written in `from`, names `target` (`./factories.js` for `src/factories.ts`). */
function importsFile(from: string, specifier: string, target: string, root: string | undefined): boolean {
  if (!specifier.startsWith('.')) return false;
  const stem = (p: string) => resolve(root ?? '.', p).replace(/\.[mc]?[jt]sx?$/, '');
  return stem(join(dirname(from), specifier)) === stem(target);
}

const samePath = (a: string, b: string, root: string | undefined) => resolve(root ?? '.', a) === resolve(root ?? '.', b);

export default function transform(file: FileInfo, api: API, raw: Options): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') throw new Error(options);
  const j = api.jscodeshift;
  const root = j(file.source);
  const typescript = isTypeScriptPath(file.path);

  if (options.shape === 'register-calls' && options.registryModule && samePath(file.path, options.registryModule, options.root)) {
    // All or nothing: loaders no call registers through would be a diff that converts nothing.
    const none = convertsNothing(options, projectFromOptions(raw));
    if (none) {
      api.report(`left unchanged: ${none}`);
      return undefined;
    }
    const syntax = loaderSyntaxFor(j, root, typescript, options.syntaxLevel);
    const problem = addRegistryLoaders(j, root, options.registerFunction ?? '', typescript, options.moduleFormat === 'esm', syntax);
    if (problem) {
      api.report(`left unchanged: ${problem}`);
      return undefined;
    }
    const out = printSource(j, root, file.source);
    return out === file.source ? file.source : out;
  }
  if (options.shape !== 'register-calls' && options.moduleFormat === 'esm' && !samePath(file.path, options.file, options.root)) {
    if (!(options.consumers ?? []).some((c) => samePath(file.path, c, options.root))) return undefined;
    const awaitUses = options.shape === 'factory-map' ? awaitFactoryCalls : awaitObjectMapReads;
    const result = awaitUses(j, root, options.registry, (specifier) => importsFile(file.path, specifier, options.file, options.root));
    for (const line of result?.notAsync ?? []) api.report(`left unchanged: the ${options.shape === 'factory-map' ? 'factory call' : 'read'} at line ${line} is not inside an async function`);
    return result?.changed ? printSource(j, root, file.source) : file.source;
  }
  if (!samePath(file.path, options.file, options.root)) return undefined;
  if (options.shape === 'export-getters') {
    // No manifest: the getters already are the lazy entries (Babel's and tsc's `export *` become getters first).
    const helpers = calledInteropHelpers(j, root);
    const stars = starExportsToGetters(j, root, options.file, projectFromOptions(raw));
    const { converted, skipped } = requireInGetters(j, root);
    // tsc's `__exportStar` (and the `__createBinding` it calls) with no star left to copy.
    pruneInteropHelpers(j, root, helpers);
    for (const note of [...stars.skipped, ...skipped]) api.report(note);
    return converted.length > 0 ? printSource(j, root, file.source) : file.source;
  }

  // Alone on the jscodeshift CLI nobody else creates the manifest: write it, as jscodeshift
  // writes its own output (never under --dry). Under lazify, planFiles did it in memory.
  if (raw.driver !== 'lazify' && !raw.dry) {
    const project = diskProject(options.root);
    for (const planned of planFiles(raw, project)) writeFileSync(join(project.root, planned.path), planned.source);
  }
  const syntax = loaderSyntaxFor(j, root, typescript, options.syntaxLevel);
  const project = projectFromOptions(raw);
  const collected = collectRegistry(j, root, options.shape, options.registry, [manifestBindingName(options)], readFrom(options, project, j, root));
  for (const note of collected.skipped) api.report(note);
  if (!rewriteRegistryFile(j, root, collected, options, file.path, syntax)) return file.source;
  return groupManifestImport(printSource(j, root, file.source), manifestSpecifier(options));
}

/**
 * register-calls: why the calls file gives no entry to convert (each call's own reason is
 * reported where the calls are), or undefined when at least one call converts.
 */
function convertsNothing(options: RegistryToManifestOptions, project: ProjectReader): string | undefined {
  const source = project.read(options.file);
  if (source === undefined) return undefined;
  const j = jscodeshiftFor(options.file, source);
  const root = j(source);
  const collected = collectRegistry(j, root, options.shape, options.registry, [manifestBindingName(options)], readFrom(options, project, j, root));
  if (collected.entries.length > 0) return undefined;
  const why = collected.skipped.length > 0 ? `every call to ${options.registry} there stays eager` : `it has no top-level call to ${options.registry}`;
  return `no register call in ${options.file} converts (${why}), so ${options.registryModule} gets no loaders`;
}

/**
 * What the registry's keys need from other modules: register-calls, the keys of one-argument
 * calls (read from each value's module); maps, the values of imported enums (`[Providers.OPENAI]`).
 */
function readFrom(options: RegistryToManifestOptions, project: ProjectReader, j: JSCodeshift, root: Collection) {
  if (options.shape === 'register-calls') return { valueKeys: valueKeyReader(project, options.file, options.registryModule, options.registerFunction) };
  return { importedConstants: importedConstantValues(j, root, options.file, project) };
}

/** The manifest module, computed from the registry file as it is before the operation. */
export function planFiles(raw: Record<string, unknown>, project: ProjectReader): PlannedFile[] {
  const options = readOptions(raw);
  if (typeof options === 'string' || options.shape === 'export-getters') return [];
  const source = project.read(options.file);
  if (source === undefined) return [];
  const j = jscodeshift.withParser(isTypeScriptPath(options.file) ? 'ts' : 'babel');
  const sourceRoot = j(source);
  const collected = collectRegistry(j, sourceRoot, options.shape, options.registry, [manifestBindingName(options)], readFrom(options, project, j, sourceRoot));
  // Already converted (a second apply): keep whatever manifest is there.
  if (collected.entries.length === 0) return [];
  const syntax = loaderSyntaxFor(j, j(source), isTypeScriptPath(options.file), options.syntaxLevel);
  return [{ path: options.manifest, source: styleNewFile(renderManifest(collected.entries, options, syntax, manifestLayout(source), usesFastProperties(collected, options)), source) }];
}

/** What the options' shape cannot say: the files they name exist. */
export function validateOptions(raw: Record<string, unknown>, project: ProjectReader): string | undefined {
  const options = readOptions(raw);
  if (typeof options === 'string') return options;
  if (project.read(options.file) === undefined) return `registry-to-manifest: ${options.file} does not exist`;
  if (options.registryModule && project.read(options.registryModule) === undefined) return `registry-to-manifest: ${options.registryModule} does not exist`;
  const missing = (options.consumers ?? []).find((c) => project.read(c) === undefined);
  if (missing) return `registry-to-manifest: ${missing} does not exist`;
  return undefined;
}

/** The options an operation may leave out, from those it names: the manifest goes beside the registry file. */
export function defaultOptions(raw: Record<string, unknown>): Record<string, unknown> {
  return typeof raw.file === 'string' ? { manifest: defaultManifestPath(raw.file) } : {};
}

/**
 * register-calls: whether the register function's module can take the loaders (in native ESM
 * every read of the registry must sit in async code), tried on the module as it is now.
 */
export function check(raw: Record<string, unknown>, project: ProjectReader, _files: string[]): TransformDiagnostic[] {
  const options = readOptions(raw);
  if (typeof options === 'string') return [{ code: 'invalid-options', severity: 'error', message: options }];
  if (options.shape !== 'register-calls') return [];
  const module = options.registryModule!;
  const source = project.read(module) ?? '';
  const j = jscodeshiftFor(module, source);
  let problem: string | undefined;
  try {
    problem = addRegistryLoaders(j, j(source), options.registerFunction!, /\.[mc]?tsx?$/.test(module), options.moduleFormat === 'esm');
  } catch (error) {
    return [{ code: 'parse-error', severity: 'warning', message: parseFailure(error), file: module }];
  }
  return problem ? [{ code: 'registry-module', severity: 'info', message: problem, file: module }] : [];
}
