import type { LazyLoadFormat, ProjectReader } from '../../transforms/transform-module.js';
import { outputFormatOf, readProjectJson } from '../project/output-format.js';
import { enginesNode, supportsRequireEsm } from '../project/require-esm-support.js';

/**
 * How a lazy load in `file` is written when it must be synchronous or async as its output is:
 * `cjs` when the output is CommonJS (src/project decides, as for the graph), else `esm`.
 */
export function outputModuleFormat(file: string, project: ProjectReader): 'cjs' | 'esm' {
  return outputFormatOf(file, project) === 'commonjs' ? 'cjs' : 'esm';
}

/**
 * How a lazy load in `file` is written: `cjs` for CommonJS output; for native ESM,
 * `esm-require` when package.json `engines.node` admits only Node versions that `require()`
 * ES modules (a synchronous load, so nothing has to become async), else `esm` (`import()`).
 */
export function lazyLoadingFormat(file: string, project: ProjectReader): LazyLoadFormat {
  if (outputModuleFormat(file, project) === 'cjs') return 'cjs';
  return supportsRequireEsm(enginesNode(readProjectJson(project, 'package.json'))) ? 'esm-require' : 'esm';
}

/** A JSON file of the project, read as src/project reads it. */
export const readJson = readProjectJson;
