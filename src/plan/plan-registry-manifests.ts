import { findTransform } from '../../transforms/index.js';
import type { Finding } from '../findings/finding.js';
import { providerSelfAssignment } from '../findings/provider-self-assignment.js';
import { registerFunctionHome } from '../findings/register-function-home.js';
import type { RegistryToManifestOptions } from '../../transforms/registry-to-manifest/options.js';
import { findTopLevelAwait } from './find-top-level-await.js';
import { lazyLoadingFormat } from './output-module-format.js';
import { readProjectJson } from '../project/output-format.js';
import { REQUIRE_ESM_NODE_RANGE } from '../project/require-esm-support.js';
import { projectSyntaxLevel } from '../project/syntax-level.js';
import { notPlanned, type PlanContext, type Planner, type PlannerResult } from './planner.js';

/**
 * One registry-to-manifest operation per convertible registry finding. CommonJS output can
 * always load synchronously, and so can native ESM when the package's `engines.node` admits
 * only Node versions that `require()` ES modules (`esm-require`): every shape keeps its API.
 * Otherwise, in native ESM, register calls (behind the async lookup) and factory maps
 * (factories turn async; their callers await them) convert with `import()`; object maps only
 * with `allowApiChange`, since their exported values change from classes to loaders.
 */
export const registryManifestPlanner: Planner = {
  kinds: ['registry'],
  transform: 'registry-to-manifest',
  plan(finding: Finding, context: PlanContext): PlannerResult {
    const name = finding.symbol;
    if (!name || !finding.shape) return { operations: [], skipped: [notPlanned(finding, 'no-registry-shape', 'no registry name or shape')] };
    if (!finding.convertible) {
      const blockers = finding.blockers ?? [];
      return { operations: [], skipped: [notPlanned(finding, 'stays-eager', `${name} stays eager: ${blockers.length ? blockers.join('; ') : 'no entry comes from an import'}`)] };
    }
    if (finding.notFreed) {
      return { operations: [], skipped: [notPlanned(finding, 'nothing-saved', `${name} stays as written: the modules it registers load at import without it (${finding.notFreed}), so a manifest would stop none of them loading`)] };
    }
    let moduleFormat = lazyLoadingFormat(finding.file, context.project);
    if (moduleFormat === 'esm-require' && /\.[mc]?tsx?$/.test(finding.file) && !hasNodeTypes(context.project)) {
      // The manifest imports createRequire from node:module: tsc needs Node's types for it.
      return {
        operations: [],
        skipped: [notPlanned(finding, 'needs-node-types', `${name} stays eager: its manifest would import createRequire from node:module, and package.json lists no @types/node for TypeScript to type it; add @types/node to devDependencies`, { file: 'package.json' })],
      };
    }
    if (moduleFormat === 'esm-require') {
      // require() of an ES module whose graph awaits at top level throws: such providers stay eager.
      const entryModules = [...new Set((finding.entries ?? []).flatMap((e) => (e.module ? [e.module] : [])))];
      const awaits = findTopLevelAwait(entryModules, context);
      if (awaits) {
        return {
          operations: [],
          skipped: [notPlanned(finding, 'top-level-await', `${name} stays eager: ${awaits.file}:${awaits.line} awaits at top level, and require() cannot load an ES module that does`, awaits)],
        };
      }
    }
    if (finding.shape !== 'register-calls') {
      // Required only for what loading it does: its providers may register themselves elsewhere
      // (aws-sdk's clients/all.js, each client assigning AWS.S3 = ...); lazy entries never load them.
      const bare = sideEffectImport(finding.file, context);
      if (bare) {
        return {
          operations: [],
          skipped: [
            notPlanned(
              finding,
              'side-effect-import',
              `${name} stays eager: ${bare.file}:${bare.line} loads ${finding.file} only for its side effects, which lazy entries would no longer run (its providers are not loaded until a key is read)${providerSelfAssignment(finding.entries ?? [], context.facts)}`,
              bare,
            ),
          ],
        };
      }
    }
    const allowApiChange = (context.choices as { allowApiChange?: boolean }).allowApiChange === true;
    if (moduleFormat === 'esm' && finding.shape === 'object-map' && !allowApiChange) {
      // Loaders in place of the values change what the exported map holds (a loader per key).
      return {
        operations: [],
        skipped: [
          notPlanned(
            finding,
            'api-change',
            `${name} is a native ESM object-map; converting it would change the exported value of ${name} from classes to loaders; pass --allow-api-change, ` +
              `or declare engines.node "${REQUIRE_ESM_NODE_RANGE}" in package.json (Node versions that require() ES modules) to keep it synchronous with lazy getters`,
          ),
        ],
      };
    }
    const options: RegistryToManifestOptions = {
      shape: finding.shape,
      registry: name,
      file: finding.file,
      manifest: manifestPath(finding.file, name, context),
      moduleFormat,
      ...registrySyntaxLevel(context),
    };
    const files = [finding.file];
    if (finding.shape === 'register-calls') {
      // Facts name a method registry by its object (`registry` for `registry.register(...)`);
      // the transform needs the callee as written (`registry.register`, `registry_1.registerProvider`).
      const callee = registerCallee(finding, context);
      if (!callee) return { operations: [], skipped: [notPlanned(finding, 'no-facts', `the analysis has no register calls of ${name} in ${finding.file}`)] };
      options.registry = callee;
      const home = registerFunctionHome(finding.file, options.registry, context.facts);
      if (!home) return { operations: [], skipped: [notPlanned(finding, 'no-register-function', `cannot find the module that defines ${name}`)] };
      options.registryModule = home.module;
      options.registerFunction = home.exportName;
      files.unshift(home.module);
      // Try the registry module's rewrite now: in native ESM every read must sit in async code.
      const [problem] = registryToManifest().check!(options as unknown as Record<string, unknown>, context.project, files);
      if (problem) return { operations: [], skipped: [notPlanned(finding, problem.code, `${name} stays eager: ${home.module}: ${problem.message}`, { file: problem.file ?? home.module, line: problem.line }, problem.severity)] };
    }
    if (finding.shape !== 'register-calls' && moduleFormat === 'esm') {
      // Each factory (or object-map value) now returns a promise: every module calling or
      // reading one awaits it (facts found no synchronous reader, or the finding would not be
      // convertible).
      options.consumers = registryImporters(finding.file, name, context);
      files.push(...options.consumers);
    }
    const keys = (finding.entries ?? []).map((e) => e.key).filter(Boolean);
    if (finding.shape === 'export-getters') {
      const { manifest: _none, ...getterOptions } = options;
      return {
        operations: [
          {
            id: finding.id,
            transform: 'registry-to-manifest',
            // date-fns's `export *` barrel has 250: the first few name the rest.
            summary: `${keys.length} export getters in ${finding.file} (${keys.length > 10 ? `${keys.slice(0, 8).join(', ')} and ${keys.length - 8} more` : keys.join(', ')}): each requires its module on first read`,
            files,
            options: getterOptions as unknown as Record<string, unknown>,
          },
        ],
      };
    }
    return {
      operations: [
        {
          id: finding.id,
          transform: 'registry-to-manifest',
          summary: `${name} in ${finding.file}: ${keys.length} keys into ${options.manifest}; providers load on first lookup${HOW_LOADED[moduleFormat]}`,
          files,
          options: options as unknown as Record<string, unknown>,
        },
      ],
    };
  },
};

/** The transform this planner's operations name. */
const registryToManifest = () => findTransform('registry-to-manifest')!;

/**
 * `{ syntaxLevel }` when the project's JavaScript may not use all the registry rewrite writes
 * (`const`, arrows, `Object.entries`: ES2017); the transform keeps TypeScript files as they are,
 * since tsc compiles them down.
 */
function registrySyntaxLevel(context: PlanContext): { syntaxLevel?: number } {
  const { level } = projectSyntaxLevel(context.project);
  return level < 2017 ? { syntaxLevel: level } : {};
}

/** True when the project declares Node's types (package.json) or has them installed beside it. */
/**
 * Where a registry's manifest goes: beside its file (`index.manifest.js`), or, when the file has
 * more maps to convert (eslint-plugin-vue's `plugin.configs`, `plugin.rules`, `plugin.processors`),
 * one manifest per map, named by its last key (`index.rules.manifest.js`), so none overwrites another.
 */
function manifestPath(file: string, name: string, context: PlanContext): string {
  const manifest = String(registryToManifest().defaultOptions!({ file }).manifest);
  const withManifests = (context.facts?.[file]?.registries ?? []).filter((r) => r.shape !== 'export-getters' && r.blockers.length === 0);
  if (withManifests.length < 2) return manifest;
  const key = name.slice(name.lastIndexOf('.') + 1).replace(/[^\w$-]/g, '_');
  return manifest.replace(/\.manifest(\.[mc]?[jt]sx?)$/, `.${key}.manifest$1`);
}

function hasNodeTypes(project: PlanContext['project']): boolean {
  if (project.read('node_modules/@types/node/package.json') !== undefined) return true;
  const pkg = readProjectJson(project, 'package.json');
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((field) => pkg?.[field]?.['@types/node'] !== undefined);
}

/** How the summary says providers load, per output format. */
const HOW_LOADED: Record<RegistryToManifestOptions['moduleFormat'], string> = {
  cjs: '',
  esm: ' (import(), awaited by the callers)',
  'esm-require': ` (require() of the ES module, synchronous: engines.node admits only Node ${REQUIRE_ESM_NODE_RANGE})`,
};

/** Source files (other than `file`) that import the binding `name` from `file` (a named ESM import), in source order. */
function registryImporters(file: string, name: string, context: PlanContext): string[] {
  return context.sourceFiles.filter((path) =>
    path !== file && (context.facts?.[path]?.bindings ?? []).some((b) => b.via === 'import' && !b.typeOnly && b.imported === name && b.module === file));
}

/** The first `require('./x');` or `import './x';` of `file` whose value nobody binds, in source order. */
function sideEffectImport(file: string, context: PlanContext): { file: string; line: number } | undefined {
  for (const path of context.sourceFiles) {
    if (path === file) continue;
    const bare = context.facts?.[path]?.sideEffectImports?.find((s) => s.module === file);
    if (bare) return { file: path, line: bare.line };
  }
  return undefined;
}

/**
 * The callee of the register calls as written, from the file's facts: `registerProvider`,
 * `registry.register` for a registry object, `registry_1.registerProvider` for tsc's CommonJS
 * `(0, registry_1.registerProvider)(...)`.
 */
function registerCallee(finding: Finding, context: PlanContext): string | undefined {
  const registry = context.facts?.[finding.file]?.registries.find((r) => r.shape === 'register-calls' && r.name === finding.symbol);
  return registry ? (registry.callee ?? registry.name) : undefined;
}
