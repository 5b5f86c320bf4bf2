import { countTokens, getEncoder } from '../utils';
import * as utils from '../utils';

export function count(text: string): number {
  return getEncoder().encode(text).length + utils.getEncoder().encode(text).length + countTokens(text);
}
