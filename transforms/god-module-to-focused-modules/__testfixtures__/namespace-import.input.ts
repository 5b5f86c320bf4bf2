// A namespace import needs every name: it keeps the old path, which the shim serves.
import * as utils from '../utils';

export const count = (text: string): number => utils.countTokens(text);
