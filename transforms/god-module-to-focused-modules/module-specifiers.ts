import { posix } from 'node:path';

const sourceExtension = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** How a relative specifier ends. */
export type ExtensionStyle = 'js' | 'none' | 'ts';

/** The extension style a specifier is written in. */
export function styleOf(specifier: string): ExtensionStyle {
  if (/\.(js|mjs|cjs|jsx)$/.test(specifier)) return 'js';
  if (/\.(ts|mts|cts|tsx)$/.test(specifier)) return 'ts';
  return 'none';
}

/**
 * True when `specifier`, written in `importer`, points at `target` (root-relative paths),
 * whether it names the file with its source extension, the `.js` it compiles to, no
 * extension, or the folder of an `index` file.
 */
export function pointsAt(importer: string, specifier: string, target: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(importer), specifier));
  const targetStem = target.replace(sourceExtension, '');
  if (resolved.replace(sourceExtension, '') === targetStem && (sourceExtension.test(resolved) || resolved === targetStem)) return true;
  return posix.basename(targetStem) === 'index' && resolved.replace(/\/$/, '') === posix.dirname(targetStem);
}

/** Root-relative path a relative specifier in `importer` names, with the extension as written. */
export function resolveSpecifier(importer: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(importer), specifier));
}

/** A specifier from `fromFile` to `toFile` (root-relative paths) in the given extension style. */
export function specifierFor(fromFile: string, toFile: string, style: ExtensionStyle): string {
  let relative = posix.relative(posix.dirname(fromFile), toFile);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const stem = relative.replace(sourceExtension, '');
  if (style === 'none') return stem;
  if (style === 'ts') return relative;
  const ext = /\.(mts|mjs)$/.test(toFile) ? '.mjs' : /\.(cts|cjs)$/.test(toFile) ? '.cjs' : '.js';
  return `${stem}${ext}`;
}

/**
 * Moves a relative specifier written in `fromFile` so it still names the same file when
 * written in `toFile`; package specifiers are returned unchanged.
 */
export function moveSpecifier(specifier: string, fromFile: string, toFile: string): string {
  if (!specifier.startsWith('.')) return specifier;
  let relative = posix.relative(posix.dirname(toFile), resolveSpecifier(fromFile, specifier));
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}
