// Whether a package may load its own ES modules synchronously with `require()`. Node runs
// `require(esm)` without a flag from 20.19 and 22.12 (and every later release); a package
// whose `engines.node` admits no older version can therefore keep a registry synchronous and
// still lazy in native ESM: `createRequire(import.meta.url)` loads a provider on first read.
import { createRequire } from 'node:module';

// semver (about 40 CommonJS files) is required on the first check: the findings, which also run
// on a kept analysis, read only the range.
const require = createRequire(import.meta.url);

/** The Node versions where `require()` of an ES module works without a flag. */
export const REQUIRE_ESM_NODE_RANGE = '^20.19.0 || >=22.12.0';

/**
 * True when every Node version `enginesNode` (package.json `engines.node`) admits can
 * `require()` an ES module. A missing or unparsable range admits old versions: false.
 */
export function supportsRequireEsm(enginesNode: unknown): boolean {
  if (typeof enginesNode !== 'string' || enginesNode.trim() === '') return false;
  const semver = require('semver') as typeof import('semver');
  const range = semver.validRange(enginesNode);
  if (range === null) return false;
  return semver.subset(range, REQUIRE_ESM_NODE_RANGE, { includePrerelease: false });
}

/** `engines.node` of a parsed package.json, when it has one. */
export function enginesNode(packageJson: Record<string, unknown> | undefined): unknown {
  const engines = packageJson?.engines;
  return engines && typeof engines === 'object' ? (engines as Record<string, unknown>).node : undefined;
}
