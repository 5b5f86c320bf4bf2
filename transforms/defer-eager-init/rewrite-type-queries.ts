// `typeof value` in type positions, rewritten for a value that became an accessor. Its own module:
// both the declaration and the references use it, and the references also need the declaration's
// lookup, so keeping it with either made a cycle.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { isTypePosition } from '../shared-lazy-loading/binding-uses.js';

/** `typeof name` in type positions becomes `ReturnType<typeof accessor>`. */
export function rewriteTypeQueries(j: JSCodeshift, root: Collection, name: string, accessor: string): void {
  const returnType = () => j(`type T = ReturnType<typeof ${accessor}>;`).get().node.program.body[0].typeAnnotation;
  root.find(j.Identifier, { name }).forEach((path) => {
    if (!isTypePosition(path)) return;
    const parent = path.parent.node;
    if (parent.type === 'TSTypeQuery' && parent.exprName === path.node) {
      path.parent.replace(returnType());
      return;
    }
    // `typeof encoder.encode` -> `ReturnType<typeof getEncoder>['encode']`
    const query = path.parent.parent?.node;
    if (parent.type === 'TSQualifiedName' && parent.left === path.node && query?.type === 'TSTypeQuery' && query.exprName === parent) {
      const member = parent.right.name;
      path.parent.parent.replace(j(`type T = ReturnType<typeof ${accessor}>['${member}'];`).get().node.program.body[0].typeAnnotation);
    }
  });
}

