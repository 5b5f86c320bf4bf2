import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How a file runs: as an ES module or as CommonJS. */
export type ModuleFormat = 'esm' | 'commonjs';

/**
 * The one decision of how a file runs, for every stage (the graph and the planners): `.mjs/.mts`
 * ESM, `.cjs/.cts` CommonJS; a `.js` file follows `packageFormat` (the nearest package.json
 * `type`); a TypeScript file the output of tsconfig `module` (`tsModule`, the option's name in
 * any case: `commonjs`, `NodeNext`, `preserve`): CommonJS output is CommonJS whatever the syntax,
 * Node16/NodeNext and Preserve follow `packageFormat`, the ES targets are ESM.
 */
export function fileFormat(file: string, packageFormat: ModuleFormat, tsModule?: string): ModuleFormat {
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  if (!/\.tsx?$/.test(file) || tsModule === undefined || tsModule === '') return packageFormat;
  const module = tsModule.toLowerCase();
  if (module === 'commonjs' || module === 'umd' || module === 'amd') return 'commonjs';
  if (/^node(16|18|20|next)$/.test(module) || module === 'preserve') return packageFormat;
  return 'esm';
}

/**
 * Decides the runtime format of files, the way Node and tsc do: `.mjs/.mts` are ESM,
 * `.cjs/.cts` CommonJS; a TypeScript file takes the format its compiled output has
 * (tsconfig `module`: CommonJS output is CommonJS whatever the syntax; Node16/NodeNext
 * follows package.json `type`); a `.js` file follows the nearest package.json `type`.
 * The nearest package.json of each directory is cached.
 */
export class ModuleFormatDetector {
  private readonly typeByDir = new Map<string, string | undefined>();

  /** `tsModule`: tsconfig `module` by its name, as {@link fileFormat} takes it. */
  constructor(private readonly tsModule?: string) {}

  formatOf(file: string): ModuleFormat {
    if (/\.m[jt]s$/.test(file)) return 'esm';
    if (/\.c[jt]s$/.test(file)) return 'commonjs';
    const packageFormat: ModuleFormat = this.packageTypeOf(dirname(file)) === 'module' ? 'esm' : 'commonjs';
    return fileFormat(file, packageFormat, this.tsModule);
  }

  /** `type` of the nearest package.json at or above dir. */
  private packageTypeOf(dir: string): string | undefined {
    if (this.typeByDir.has(dir)) return this.typeByDir.get(dir);
    let type: string | undefined;
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown };
        type = typeof parsed.type === 'string' ? parsed.type : undefined;
      } catch {
        type = undefined;
      }
    } else {
      const parent = dirname(dir);
      type = parent === dir ? undefined : this.packageTypeOf(parent);
    }
    this.typeByDir.set(dir, type);
    return type;
  }
}
