export { encoder, countTokens } from './utils/tokenization';
