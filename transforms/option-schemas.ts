// Pieces of option schemas more than one transform uses, worded once.
import { z } from 'zod';
import type { LazyLoadFormat } from './transform-module.js';

/** A JavaScript identifier, as the binding and value names options carry. */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const EDITION = 'must be an ECMAScript edition (5, 2015, 2021...)';

/** `syntaxLevel`: lazify sets it from the project (src/project/syntax-level.ts). */
export const syntaxLevelSchema = z
  .int({ error: EDITION })
  .min(3, { error: EDITION })
  .describe('The newest ECMAScript edition (5, 2015, 2021...) the project lets generated JavaScript use; absent: no limit.');

/** How an operation writes a lazy load, every format (`LazyLoadFormat`). */
export const lazyLoadFormatSchema = z.enum(['cjs', 'esm', 'esm-require'] as const satisfies readonly LazyLoadFormat[]);
