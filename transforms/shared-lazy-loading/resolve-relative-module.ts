// Resolves a relative specifier to a project file the way TypeScript and Node do for the
// cases lazify rewrites: exact file, `.js` written for a `.ts` source, extensionless, index files.
import { posix } from 'node:path';
import type { ProjectReader } from '../transform-module.js';

const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** Root-relative path of the file `specifier` points at from `fromFile`, or undefined (packages, missing files). */
export function resolveRelativeModule(fromFile: string, specifier: string, project: ProjectReader): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const stems = [base];
  // NodeNext TypeScript writes `./x.js` for `./x.ts`.
  if (/\.[mc]?js$/.test(base)) stems.unshift(base.replace(/\.([mc]?)js$/, '.$1ts'));
  for (const stem of stems) {
    for (const suffix of CANDIDATE_SUFFIXES) {
      const candidate = stem + suffix;
      if (/\.[mc]?[jt]sx?$/.test(candidate) && project.read(candidate) !== undefined) return candidate;
    }
  }
  return undefined;
}
