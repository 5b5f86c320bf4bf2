import { join } from 'node:path';
import { ModuleFormatDetector } from '../project/detect-module-format.js';
import { readTsconfig } from '../project/read-tsconfig.js';
import { toModuleId } from './build-module-graph.js';
import { ImportResolver } from './resolve-import.js';

/**
 * The graph's resolution of `specifier` written in `fromFile` (root-relative), as a module id:
 * a local file's root-relative path, a package's name, a builtin's `node:` id, or the specifier
 * itself when it resolves to nothing. For files the graph did not reach, so that their facts
 * name modules as the graph's do.
 */
export function moduleIdResolver(root: string): (fromFile: string, specifier: string) => string {
  const tsconfig = readTsconfig(root);
  const resolver = new ImportResolver({ compilerOptions: tsconfig?.options });
  const formats = new ModuleFormatDetector(tsconfig?.moduleName);
  return (fromFile, specifier) => {
    const file = join(root, fromFile);
    const resolution = resolver.resolve(specifier, file, formats.formatOf(file));
    if (resolution.kind === 'local') return toModuleId(root, resolution.file);
    if (resolution.kind === 'external') return resolution.name;
    if (resolution.kind === 'builtin') return resolution.id;
    return specifier;
  };
}
