// Finds the module-level loaders an earlier run of lazify wrote into a file, as the project's
// own tools left them: its formatter may have changed their quotes and layout, and its lint
// step may have split `let loadedX, loadX = ...` into `let loadedX;` and `const loadX = ...`
// (prefer-const) or turned the loader comment into an ESLint directive. A loader is told by
// the comment above it and recognised by its syntax tree, never by its printed text.
import type { JSCodeshift } from 'jscodeshift';

/** The comment above every loader lazify writes. */
export const LOADER_COMMENT = '// lazify: loaded on first use instead of at import.';

/** A loader found in a file: the statements that declare it and, for a memoised one, its name, cache and their declarators. */
export interface EmittedLoader {
  name?: string;
  cache?: string;
  /** `[cache, loader]` declarators of a memoised loader, from one statement or from a split pair. */
  declarators?: [any, any];
  statements: any[];
}

/** The comment lazify wrote above a loader, or the ESLint directive a lint step made of it (it keeps the comment as its reason). */
function hasLoaderComment(statement: any): boolean {
  return (statement.comments ?? []).some((c: any) => c.leading && (`//${c.value}` === LOADER_COMMENT || `//${c.value}`.endsWith(` -- ${LOADER_COMMENT.slice(3)}`)));
}

const isFunction = (node: any) => node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';

/** `let loadedX` / `var loadedX` (typed or not) with no value: a memoised loader's cache. */
function cacheDeclaration(statement: any): any | undefined {
  if (statement?.type !== 'VariableDeclaration' || statement.kind === 'const' || statement.declarations.length !== 1) return undefined;
  const [declarator] = statement.declarations;
  return declarator.id.type === 'Identifier' && !declarator.init ? declarator : undefined;
}

/** `const loadX = () => ...` (or `let`, `var`, a function expression): a memoised loader's function, declared alone. */
function loaderDeclaration(statement: any): any | undefined {
  if (statement?.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
  const [declarator] = statement.declarations;
  return declarator.id.type === 'Identifier' && isFunction(declarator.init) ? declarator : undefined;
}

/**
 * The loaders lazify emitted earlier in `topLevel` (new loaders go after them, keeping them
 * together and in order): commented declarations of `let loadedX, loadX = () => ...` (name and
 * cache given), the same split in two statements (`let loadedX;` then `const loadX = ...`) or,
 * from earlier versions, `const loadX = () => require(...)`.
 */
export function emittedLoaders(topLevel: any[]): EmittedLoader[] {
  const found: EmittedLoader[] = [];
  topLevel.forEach((statement, index) => {
    if (statement.type !== 'VariableDeclaration' || !hasLoaderComment(statement)) return;
    const [cache, loader] = statement.declarations;
    if (statement.declarations.length === 2 && !cache.init && cache.id.type === 'Identifier' && loader.id.type === 'Identifier') {
      found.push({ name: loader.id.name, cache: cache.id.name, declarators: [cache, loader], statements: [statement] });
      return;
    }
    const next = topLevel[index + 1];
    const split = cacheDeclaration(statement) && loaderDeclaration(next);
    if (split) {
      found.push({ name: split.id.name, cache: cache.id.name, declarators: [cache, split], statements: [statement, next] });
      return;
    }
    found.push({ statements: [statement] });
  });
  return found;
}

/**
 * True when `loader` is the memoised loader `text` declares (one statement,
 * `let cache, name = ...`, as {@link memoisedLoaderText} writes it): the same names, the same
 * module, the same function, compared as syntax trees, so quotes, parentheses, semicolons,
 * line breaks and comments do not count.
 */
export function isSameLoader(j: JSCodeshift, loader: EmittedLoader, text: string): boolean {
  if (!loader.declarators) return false;
  const [statement] = j(text).get().node.program.body;
  if (statement?.type !== 'VariableDeclaration' || statement.declarations.length !== 2) return false;
  return loader.declarators.every((declarator, i) => sameTree(j, declarator, statement.declarations[i]));
}

/** Fields that hold layout, not meaning: positions, tokens, comments, raw text and parentheses (`extra`). */
const LAYOUT = new Set(['loc', 'start', 'end', 'range', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'raw', 'original']);

/** `(x)` in a parser that keeps parentheses as nodes: the node inside. */
function unwrap(node: any): any {
  while (node?.type === 'ParenthesizedExpression' || node?.type === 'TSParenthesizedType') node = node.expression ?? node.typeAnnotation;
  return node;
}

/** A node's fields as ast-types defines them (a field the parser left out has its default: `optional: false`), else its own keys. */
function fields(j: JSCodeshift, node: any): string[] {
  if (typeof node.type !== 'string') return Object.keys(node);
  try {
    return j.types.getFieldNames(node);
  } catch {
    return Object.keys(node);
  }
}

/** The field's value, or its ast-types default when the node has no such key. */
function fieldValue(j: JSCodeshift, node: any, field: string): any {
  return field in node ? node[field] : j.types.getFieldValue(node, field);
}

/**
 * Structural equality of two syntax trees, layout aside ({@link LAYOUT}): fields compare by
 * value, a field one parse (or ast-types) left out counts as its default, `null` as missing.
 */
export function sameTree(j: JSCodeshift, a: any, b: any): boolean {
  a = unwrap(a);
  b = unwrap(b);
  if (a === b || (a == null && b == null)) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameTree(j, item, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.type !== b.type) return false;
  const names = new Set([...fields(j, a), ...fields(j, b)]);
  for (const name of names) if (!LAYOUT.has(name) && !sameTree(j, fieldValue(j, a, name), fieldValue(j, b, name))) return false;
  return true;
}
