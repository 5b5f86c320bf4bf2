import { ts } from '../project/typescript.cjs';

/**
 * Line of the first `await` (or `for await`) outside any function or class member of `sf`.
 * Node's `require()` of an ES module throws ERR_REQUIRE_ASYNC_MODULE when its graph awaits at
 * top level, so such a module cannot be loaded synchronously.
 */
export function topLevelAwaitLine(sf: ts.SourceFile): number | undefined {
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
