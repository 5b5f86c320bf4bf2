import { getEncoding, type Tiktoken } from 'js-tiktoken';

/** The tokenizer GPT-4 models use; loading its ranks takes most of this module's import time. */
export const encoder: Tiktoken = getEncoding('cl100k_base');

export function countTokens(text: string): number {
  return encoder.encode(text).length;
}

export function truncateToTokens(text: string, max: number): string {
  const tokens = encoder.encode(text);
  return tokens.length <= max ? text : encoder.decode(tokens.slice(0, max));
}

export const tokenizer = {
  // Exposed for callers that need the raw encoder (streaming counts).
  encoder,
  countTokens,
  truncateToTokens,
};
