import { countTokens, encoder as enc } from '../utils';
import * as utils from '../utils';

export function count(text: string): number {
  return enc.encode(text).length + utils.encoder.encode(text).length + countTokens(text);
}
