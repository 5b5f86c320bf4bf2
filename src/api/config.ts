// Public API, configuration part: the config file (found, validated, its JSON Schema), the
// suppression of findings (ignore rules, inline comments, baselines). Light on purpose: no
// TypeScript, no ts-morph; the CLI loads it in a command's handler before the pipeline.
export { loadConfig, CONFIG_FILES } from '../config/load-config.js';
export type { LoadConfigOptions } from '../config/load-config.js';
export { validateConfig } from '../config/validate-config.js';
export type { LazifyConfig, Budgets } from '../config/lazify-config.js';
export { configSchema, configJsonSchema, FINDING_KINDS } from '../config/config-schema.js';
export { parseSize } from '../config/parse-size.js';
export type { LazifyConfigInput, IgnoreRuleInput } from '../config/config-schema.js';
export { applySuppressions } from '../findings/apply-suppressions.js';
export type { IgnoreRule, FindingsBaseline, SuppressionOptions, SuppressionResult, SuppressedFinding, SuppressedBy, SuppressionSummary } from '../findings/apply-suppressions.js';
export { toFindingsBaseline, parseFindingsBaseline } from '../findings/findings-baseline.js';
