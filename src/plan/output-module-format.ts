import type { LazyLoadFormat, ProjectReader } from '../../transforms/transform-module.js';
import { outputFormatOf, readProjectJson } from '../project/output-format.js';
import { enginesNode, supportsRequireEsm } from '../project/require-esm-support.js';
import { publishesTwoBuilds } from '../project/dual-build.js';

/**
 * How a lazy load in `file` is written when it must be synchronous or async as its output is:
 * `cjs` when the output is CommonJS (src/project decides, as for the graph), else `esm`. A
 * TypeScript source of a package that publishes a CommonJS and an ES module build runs as
 * both, so it is `esm` here: `require` is not defined in the ES module build.
 */
export function outputModuleFormat(file: string, project: ProjectReader): 'cjs' | 'esm' {
  const format = outputFormatOf(file, project) === 'commonjs' ? 'cjs' : 'esm';
  return format === 'cjs' && /\.tsx?$/.test(file) && publishesTwoBuilds(readProjectJson(project, 'package.json')) ? 'esm' : format;
}

/**
 * How a lazy load in `file` is written: `cjs` for CommonJS output; for native ESM,
 * `esm-require` when package.json `engines.node` admits only Node versions that `require()`
 * ES modules (a synchronous load, so nothing has to become async), else `esm` (`import()`).
 */
export function lazyLoadingFormat(file: string, project: ProjectReader): LazyLoadFormat {
  if (outputModuleFormat(file, project) === 'cjs') return 'cjs';
  const packageJson = readProjectJson(project, 'package.json');
  // `createRequire(import.meta.url)` is no CommonJS build's (a bundler leaves `import.meta` empty
  // there): the sources of a package with both builds use `import()`, which both run.
  if (publishesTwoBuilds(packageJson)) return 'esm';
  return supportsRequireEsm(enginesNode(packageJson)) ? 'esm-require' : 'esm';
}
