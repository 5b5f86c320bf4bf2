import { ts } from 'ts-morph';
import { resolveRelativeModule } from '../../transforms/shared-lazy-loading/resolve-relative-module.js';
import type { ProjectReader } from '../../transforms/transform-module.js';

/** A top-level `await` (or `for await`) in a project module. */
export interface TopLevelAwait {
  file: string;
  line: number;
}

/**
 * The first top-level await among `files` and the project modules they import (relative
 * specifiers, followed transitively), if any. Node's `require()` of an ES module throws
 * ERR_REQUIRE_ASYNC_MODULE when its graph awaits at top level, so such a module cannot be
 * loaded synchronously. Packages are not searched.
 */
export function findTopLevelAwait(files: string[], project: ProjectReader): TopLevelAwait | undefined {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = project.read(file);
    if (source === undefined) continue;
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const line = topLevelAwaitLine(sf);
    if (line !== undefined) return { file, line };
    for (const statement of sf.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
      const target = resolveRelativeModule(file, specifier.text, project);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return undefined;
}

/** Line of the first `await` outside any function (or class member) in `sf`. */
function topLevelAwaitLine(sf: ts.SourceFile): number | undefined {
  let found: number | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    const awaits = ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined);
    if (awaits) {
      found = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}
