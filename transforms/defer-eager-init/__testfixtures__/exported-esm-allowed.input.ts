import { getEncoding } from 'js-tiktoken';

export const encoder = getEncoding('cl100k_base');
