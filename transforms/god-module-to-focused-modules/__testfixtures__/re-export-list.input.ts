export { countTokens, formatDollars } from './utils';
export type { PriceTable } from './utils';
