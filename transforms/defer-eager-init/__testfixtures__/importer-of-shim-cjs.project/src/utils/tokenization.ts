import { getEncoding } from 'js-tiktoken';
import { z } from 'zod';

/** Shared tokenizer. */
export const encoder = getEncoding('cl100k_base');

export const messageSchema = z.object({ role: z.string(), content: z.string() });

export function countTokens(text: string): number {
  return encoder.encode(text).length;
}

export function truncate(text: string, max: number): string {
  const tokens: ReturnType<typeof encoder.encode> = encoder.encode(text);
  return encoder.decode(tokens.slice(0, max));
}
