export { countTokens, cost, formatDollars, providerFor } from './utils';
export type { Price } from './utils';
export * from './providers/beta';
