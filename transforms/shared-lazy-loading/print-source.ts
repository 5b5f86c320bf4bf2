// Prints a transformed file. recast reprints a directive prologue followed by a removed
// statement as `'use strict';;`; the stray semicolon is an empty statement nobody wrote.
import type { Collection } from 'jscodeshift';

/** The file's new source, single quotes for new strings (what the fixtures and most projects use). */
export function printSource(root: Collection): string {
  return root.toSource({ quote: 'single' }).replace(/^((['"])use strict\2;);+/m, '$1');
}
