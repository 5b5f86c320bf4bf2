// Re-exports what moved to focused modules, so every name importable from this path still is.
/** @deprecated Moved to './utils/tokenization': import from there. */
export { countTokens, engine } from './utils/tokenization';
/** @deprecated Moved to './utils/pricing': import from there. */
export { cost, formatDollars, priceOf } from './utils/pricing';
/** @deprecated Moved to './utils/pricing': import from there. */
export type { Price, PriceTable } from './utils/pricing';
/** @deprecated Moved to './utils/provider-lookup': import from there. */
export { providerFor } from './utils/provider-lookup';
