export { countTokens } from './utils/tokenization';
export { formatDollars } from './utils/pricing';
export type { PriceTable } from './utils/pricing';
