import { getEncoder } from '../utils/tokenization';

export const count = (text: string): number => getEncoder().encode(text).length;
