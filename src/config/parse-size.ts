// Sizes as the config and `lazify check --max-bytes` take them, without the config's schema (zod):
// the check command reads a size whether or not the project has a config.
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };
// No `i` flag: the pattern goes into the JSON Schema, whose regular expressions have no flags.
export const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([bB]|[kKmMgG][iI]?[bB])?\s*$/;

/** `"2 MB"`, `"500KB"`, `1048576`: a size in bytes (1 KB = 1024 B, as lazify prints them). Undefined when not a size. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = SIZE_PATTERN.exec(value);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
}
