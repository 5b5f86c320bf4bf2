import { getEncoder } from '../utils';

export const count = (text: string): number => getEncoder().encode(text).length;
