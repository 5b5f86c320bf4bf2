// Replaces a reference to a name by an expression (`encoder` -> `getEncoder()`) where the
// reference's place in the syntax needs more than the node swapped: a shorthand property
// `{ encoder }` would print `{ getEncoder() }`, which does not parse.
import type { ASTPath, JSCodeshift } from 'jscodeshift';

/** Replaces the identifier at `use` by `replacement`, expanding a shorthand property to `key: value`. */
export function replaceReference(j: JSCodeshift, use: ASTPath<any>, replacement: any): void {
  const parent = use.parent?.node;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.shorthand && parent.value === use.node) {
    parent.shorthand = false;
    parent.key = j.identifier(use.node.name);
    parent.value = replacement;
    return;
  }
  use.replace(replacement);
}

/**
 * Moves the comments of `from` (a property or statement being replaced) onto `to`, so a
 * rewrite keeps the maintainer's `// Claude models` above the entry it described.
 */
export function carryComments(from: any, to: any): void {
  const comments = from?.comments;
  if (!Array.isArray(comments) || comments.length === 0) return;
  to.comments = [...comments, ...(to.comments ?? [])];
}
