// Whether a package publishes a CommonJS and an ES module build from the same sources (tsup or
// tsdown building `lib/index.js` and `lib/index.mjs`, or a `"type": "module"` package with a
// `require` condition naming `dist/index.cjs`, say). Its sources then run as both: a loader
// written for one (`require`, `createRequire(import.meta.url)`) breaks the other.

/**
 * True when package.json names two builds: an `import` condition in `exports` whose file is not
 * its `require` (or `default`) condition's, or a `module` field other than `main`, whatever its
 * `type` (in a `"type": "module"` package the second build is the CommonJS one).
 */
export function publishesTwoBuilds(packageJson: Record<string, unknown> | undefined): boolean {
  if (!packageJson) return false;
  const { main, module } = packageJson;
  if (typeof module === 'string' && typeof main === 'string' && normalise(module) !== normalise(main)) return true;
  return hasDualCondition(packageJson.exports, 0);
}

function hasDualCondition(exports: unknown, depth: number): boolean {
  if (!exports || typeof exports !== 'object' || depth > 8) return false;
  if (Array.isArray(exports)) return exports.some((item) => hasDualCondition(item, depth + 1));
  const conditions = exports as Record<string, unknown>;
  const esm = target(conditions.import);
  const cjs = target(conditions.require) ?? target(conditions.default);
  if (esm && cjs && normalise(esm) !== normalise(cjs)) return true;
  return Object.values(conditions).some((value) => hasDualCondition(value, depth + 1));
}

/** The file a condition names, through nested conditions (`import: { types, default }`). */
function target(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const nested = value as Record<string, unknown>;
    return target(nested.default) ?? target(nested.node);
  }
  return undefined;
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
}
