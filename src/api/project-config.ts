// Public API, the part of the config slice every command reads before its work, light on purpose:
// the project's config (zod, the validator, loads only when the project has one) and the findings
// baseline. api/config.ts has all of it and the schema; the CLI imports this one.
export { loadConfig, CONFIG_FILES } from '../config/load-config.js';
export type { LoadConfigOptions } from '../config/load-config.js';
export type { LazifyConfig, Budgets } from '../config/lazify-config.js';
export { parseSize } from '../config/parse-size.js';
export { toFindingsBaseline, parseFindingsBaseline } from '../findings/findings-baseline.js';
