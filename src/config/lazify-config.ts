// The config as the stages read it, validated and normalised (validate-config.ts makes it from the
// file; load-config.ts finds the file).
import type { FindingKind } from '../findings/finding.js';
import type { IgnoreRule } from '../findings/apply-suppressions.js';

/** Import budgets of `lazify check`; absent ones are not checked. */
export interface Budgets {
  /** Most modules loaded at import. */
  modules?: number;
  /** Most bytes loaded at import. */
  bytes?: number;
  /** Most measured import time as a multiple of a bare `node -e 0` start. */
  importRatio?: number;
  /** Most measured import time, in ms. */
  importMs?: number;
}

/** A validated config with sizes in bytes and every list present. */
export interface LazifyConfig {
  /** Absolute path of the file it came from; undefined when the project has none. */
  file?: string;
  /** How messages name that file (`lazify.config.json`, `package.json "lazify"`). */
  label?: string;
  /** Entry file relative to the project root. */
  entry?: string;
  /** Globs plan and apply may rewrite besides the package. */
  include: string[];
  /** Globs plan and apply never rewrite. */
  exclude: string[];
  /** Finding kinds turned off (true) or on; absent kinds are on. */
  kinds: Partial<Record<FindingKind, boolean>>;
  /** Findings saving fewer bytes are left out (those costing no bytes are kept). */
  minSaving?: number;
  failOn?: 'high' | 'medium' | 'low';
  ignore: IgnoreRule[];
  budgets: Budgets;
}
