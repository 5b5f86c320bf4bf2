/**
 * Immediate dominators of a directed graph given as successor lists over node indexes,
 * with the Cooper-Harvey-Kennedy iterative algorithm ("A Simple, Fast Dominance
 * Algorithm", 2001). Node `root` dominates everything reachable; `idom[root] === root`;
 * unreachable nodes get -1.
 */
export interface DominatorTree {
  /** Immediate dominator per node, -1 when unreachable from the root. */
  idom: Int32Array;
  /** Reachable nodes in reverse postorder (root first); a node's idom always comes before it. */
  reversePostorder: number[];
  /** Dominator-tree children per node. */
  children: number[][];
  /** Preorder entry and exit times in the dominator tree: `a` dominates `b` iff enter[a] <= enter[b] && exit[b] <= exit[a]. */
  enter: Int32Array;
  exit: Int32Array;
}

export function computeDominators(successors: readonly number[][], root: number): DominatorTree {
  const n = successors.length;
  const reversePostorder = reversePostorderFrom(successors, root);
  const rpoNumber = new Int32Array(n).fill(-1);
  reversePostorder.forEach((node, i) => (rpoNumber[node] = i));
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  for (const node of reversePostorder) {
    for (const next of successors[node]) predecessors[next].push(node);
  }

  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (rpoNumber[a] > rpoNumber[b]) a = idom[a];
      while (rpoNumber[b] > rpoNumber[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < reversePostorder.length; i++) {
      const node = reversePostorder[i];
      let next = -1;
      for (const pred of predecessors[node]) {
        if (idom[pred] === -1) continue;
        next = next === -1 ? pred : intersect(pred, next);
      }
      if (next !== -1 && idom[node] !== next) {
        idom[node] = next;
        changed = true;
      }
    }
  }

  const children: number[][] = Array.from({ length: n }, () => []);
  for (const node of reversePostorder) if (node !== root) children[idom[node]].push(node);
  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n).fill(-1);
  let clock = 0;
  const stack: Array<[number, number]> = [[root, 0]];
  enter[root] = clock++;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const [node, position] = frame;
    if (position < children[node].length) {
      frame[1]++;
      const child = children[node][position];
      enter[child] = clock++;
      stack.push([child, 0]);
    } else {
      exit[node] = clock++;
      stack.pop();
    }
  }
  return { idom, reversePostorder, children, enter, exit };
}

/** True when `a` dominates `b` (every node dominates itself). */
export function dominates(tree: DominatorTree, a: number, b: number): boolean {
  return tree.enter[a] !== -1 && tree.enter[b] !== -1 && tree.enter[a] <= tree.enter[b] && tree.exit[b] <= tree.exit[a];
}

/** Iterative depth-first postorder from root, reversed. */
function reversePostorderFrom(successors: readonly number[][], root: number): number[] {
  const visited = new Uint8Array(successors.length);
  const postorder: number[] = [];
  const stack: Array<[number, number]> = [[root, 0]];
  visited[root] = 1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const [node, position] = frame;
    if (position < successors[node].length) {
      frame[1]++;
      const next = successors[node][position];
      if (!visited[next]) {
        visited[next] = 1;
        stack.push([next, 0]);
      }
    } else {
      postorder.push(node);
      stack.pop();
    }
  }
  return postorder.reverse();
}
