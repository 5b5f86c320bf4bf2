import { getEncoding } from 'js-tiktoken';

/** Shared tokenizer. */
export const encoder = getEncoding('cl100k_base');

// The user's own function already has the accessor's name: deferring encoder must not clash with it.
export function getEncoder(name: string) {
  return getEncoding(name as 'cl100k_base');
}

export function countTokens(text: string): number {
  return encoder.encode(text).length;
}
