import { encoder } from '../utils';

export const count = (text: string): number => encoder.encode(text).length;
