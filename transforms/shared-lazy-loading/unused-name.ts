import type { Collection, JSCodeshift } from 'jscodeshift';

/**
 * `base`, or `base2`, `base3`, ... : the first name no identifier in the file uses, so a
 * generated helper (`createEncoder`, `encoderValue`) never shadows or clashes with the file's
 * own names (`const createRequire = () => createRequire(...)` would call itself).
 */
export function unusedName(j: JSCodeshift, root: Collection, base: string): string {
  const used = new Set<string>();
  root.find(j.Identifier).forEach((path) => {
    used.add(path.node.name);
  });
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}
