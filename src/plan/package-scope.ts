// Which of a project's source files a rewrite may touch: the package's own modules, not the
// tests, scripts, examples and benchmarks beside them. Tests are the user's proof that behaviour
// is unchanged (a test's `import Anthropic from '@anthropic-ai/sdk'` next to its `jest.mock()`
// must stay as it is), and scripts are not what users import.
import { isAbsolute, relative } from 'node:path';
import type { ModuleGraph } from '../graph/module-graph.js';

/** Folders (at any depth) and file names that hold code around a package rather than in it. */
const OUTSIDE_PACKAGE = /(?:^|\/)(?:test|tests|__tests__|__mocks__|scripts|examples?|bench|benchmarks?|fixtures|e2e)\/|\.(?:test|spec|bench)\.[^/]+$/;

/** What decides the package's scope. */
export interface PackageScope {
  /** The analysis graph: every local module reachable from the entry is part of the package. */
  graph?: ModuleGraph;
  /**
   * Root-relative folder holding the package's source (tsconfig `rootDir`, or the entry's top
   * folder such as `src`); files under it are part of the package unless they are tests or
   * scripts by name. Undefined when the source sits at the project root: then only reachable modules count.
   */
  sourceRoot?: string;
  /** Root-relative files the user asked to include anyway (`--include GLOB`, already expanded). */
  included?: ReadonlySet<string>;
}

/** `files` (root-relative) that are part of the package under `scope`, in their order. */
export function filesInPackage(files: readonly string[], scope: PackageScope): string[] {
  const reachable = new Set(Object.values(scope.graph?.modules ?? {}).filter((m) => m.kind === 'local').map((m) => m.id));
  const under = scope.sourceRoot ? `${scope.sourceRoot.replace(/\/+$/, '')}/` : undefined;
  return files.filter((file) => {
    if (scope.included?.has(file) || reachable.has(file)) return true;
    if (!under || !file.startsWith(under)) return false;
    return !OUTSIDE_PACKAGE.test(file.slice(under.length));
  });
}

/**
 * The package's source folder, root-relative: tsconfig `rootDir` when it names a folder inside
 * the project, else the entry's top folder (`src/index.ts` -> `src`); undefined for an entry at
 * the root or a rootDir that is the root itself.
 */
export function packageSourceRoot(root: string, entry: string, rootDir?: string): string | undefined {
  if (rootDir) {
    const rel = relative(root, rootDir).split('\\').join('/');
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
  }
  const slash = entry.indexOf('/');
  return slash > 0 ? entry.slice(0, slash) : undefined;
}
