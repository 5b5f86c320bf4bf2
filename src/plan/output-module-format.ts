import { ts } from 'ts-morph';
import type { ModuleFormat } from '../../transforms/shared-lazy-loading/lazy-reference.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import { fileFormat } from '../project/detect-module-format.js';
import { enginesNode, supportsRequireEsm } from '../project/require-esm-support.js';

/**
 * How a source file runs once built: `cjs` when its output is CommonJS (plain `.js` without
 * `"type": "module"`, `.cjs`, or TypeScript compiled with `module: commonjs`), else `esm`.
 * This decides between a synchronous `require` (always possible) and `await import()`.
 */
export function outputModuleFormat(file: string, project: ProjectReader): 'cjs' | 'esm' {
  const packageFormat = readJson(project, 'package.json')?.type === 'module' ? 'esm' : 'commonjs';
  const module = readTsconfigModule(project);
  // The graph's decision (project/), so the plan cannot disagree with the analysis.
  return fileFormat(file, packageFormat, module === undefined ? undefined : String(module)) === 'commonjs' ? 'cjs' : 'esm';
}

/**
 * How a lazy load in `file` is written: `cjs` for CommonJS output; for native ESM,
 * `esm-require` when package.json `engines.node` admits only Node versions that `require()`
 * ES modules (a synchronous load, so nothing has to become async), else `esm` (`import()`).
 */
export function lazyLoadingFormat(file: string, project: ProjectReader): ModuleFormat {
  if (outputModuleFormat(file, project) === 'cjs') return 'cjs';
  return supportsRequireEsm(enginesNode(readJson(project, 'package.json'))) ? 'esm-require' : 'esm';
}

/** A JSON file of the project (read leniently, as tsconfig files are), or undefined. */
export function readJson(project: ProjectReader, path: string): Record<string, any> | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  const parsed = ts.parseConfigFileTextToJson(path, text);
  return parsed.error ? undefined : parsed.config;
}

/** `compilerOptions.module` of tsconfig.json, following a relative `extends` chain. */
function readTsconfigModule(project: ProjectReader, path = 'tsconfig.json', depth = 0): string | undefined {
  const config = readJson(project, path);
  if (!config || depth > 5) return undefined;
  const own = config.compilerOptions?.module;
  if (own !== undefined) return own;
  if (typeof config.extends === 'string' && config.extends.startsWith('.')) {
    const base = config.extends.endsWith('.json') ? config.extends : `${config.extends}.json`;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    return readTsconfigModule(project, (dir + base).replace(/^\.\//, ''), depth + 1);
  }
  return undefined;
}
