import { globSync } from 'tinyglobby';
import { withFactsOfFiles } from '../../src/facts/extract-facts.js';
import type { ModuleFacts } from '../../src/facts/module-facts.js';
import type { FileSet } from '../../src/edits/file-set.js';

/**
 * Facts of every source file of `project` (read through it, so files a test wrote in memory
 * count), as plan() hands the planners the analysis' facts.
 */
export function factsOfProject(project: FileSet): Record<string, ModuleFacts> {
  const files = globSync(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], { cwd: project.root, ignore: ['**/node_modules/**', 'dist/**'] }).sort();
  const inMemory = project.changes().map((c) => c.path);
  return withFactsOfFiles({}, [...new Set([...files, ...inMemory])], project);
}
