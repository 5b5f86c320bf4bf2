// lazify's public API, whole: what a library user imports. It is the union of the slices in
// src/api/, one per kind of command, so that the CLI can load only the slice a command needs
// (`lazify --help` loads none, `lazify analyze` no jscodeshift). Add new exports to a slice.
export * from './api/errors.js';
export * from './api/analyze.js';
export * from './api/measure.js';
export * from './api/plan-and-apply.js';
export * from './api/transforms.js';
export * from './api/config.js';
export * from './api/check.js';
