export { countTokens, truncateToTokens, tokenizer } from './tokens';
export { spend, type Budget } from './budget';
