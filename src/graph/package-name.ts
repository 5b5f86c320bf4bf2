// The package a bare specifier names. A leaf module (no parser, no resolver), so that what reads a
// kept graph (src/graph/find-import-chains.ts) loads nothing of resolution.

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
