// recast sets a statement it inserts off from the one before with a blank line; a maintainer
// writes the manifest's require under the file's other requires, then a blank line before code.

/** A one-line import or require declaration: `import { A } from 'a';`, `const { A } = require('a')`. */
const IMPORT_LINE = /^\s*(?:import\s[^;]*?\bfrom\s*(['"])[^'"]+\1|(?:const|let|var)\s[^=]+=\s*(?:[\w$]+\()?require\((['"])[^'"]+\2\)\)?(?:\.[\w$]+)*)\s*;?\s*$/;

/**
 * Moves the import of `specifier` (the manifest) up against the import or require line above it
 * when only a blank line parts them, and keeps a blank line between it and the code after it.
 * Line endings stay as they are, line by line.
 */
export function groupManifestImport(text: string, specifier: string): string {
  // Lines at even indexes, each followed by its own line ending.
  const parts = text.split(/(\r?\n)/);
  const line = (index: number) => parts[index * 2];
  const count = Math.ceil(parts.length / 2);
  const quoted = [`'${specifier}'`, `"${specifier}"`];
  let at = -1;
  for (let i = 0; i < count && at < 0; i++) if (IMPORT_LINE.test(line(i)!) && quoted.some((q) => line(i)!.includes(q))) at = i;
  if (at < 2 || line(at - 1)!.trim() !== '' || !IMPORT_LINE.test(line(at - 2)!)) return text;
  parts.splice((at - 1) * 2, 2);
  at -= 1;
  const next = line(at + 1);
  if (next !== undefined && next.trim() !== '' && !IMPORT_LINE.test(next)) parts.splice((at + 1) * 2, 0, '', parts[at * 2 + 1]!);
  return parts.join('');
}
