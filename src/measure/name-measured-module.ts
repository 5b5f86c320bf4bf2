import { relative, sep } from 'node:path';
import { mapBuildOutputToSource, type MeasureTarget } from './measure-target.js';

/** How a measured file is shown: its id, whether it is the project's own, and its package. */
export interface MeasuredModuleName {
  id: string;
  kind: 'local' | 'external';
  package?: string;
}

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Names a file the way the rest of lazify does: local modules relative to the root, with
 * build output mapped back to the source users edit (`dist/utils.js` -> `src/utils.ts`);
 * files under a node_modules (real paths, so symlinked node_modules land here too) as
 * `package/path/in/package.js`.
 */
export function nameMeasuredModule(file: string, target: Pick<MeasureTarget, 'root' | 'tsconfig'>): MeasuredModuleName {
  const posix = toPosix(file);
  const marker = posix.lastIndexOf('/node_modules/');
  if (marker !== -1) {
    const inside = posix.slice(marker + '/node_modules/'.length);
    const parts = inside.split('/');
    const pkg = inside.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    return { id: inside, kind: 'external', package: pkg };
  }
  const source = mapBuildOutputToSource(file, target);
  return { id: toPosix(relative(target.root, source ?? file)), kind: 'local' };
}
