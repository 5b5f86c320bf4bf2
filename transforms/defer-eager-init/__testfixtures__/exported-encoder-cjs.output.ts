import { z } from 'zod';

// lazify: loaded on first use instead of at import.
let loadedJsTiktoken: typeof import('js-tiktoken') | undefined,
  loadJsTiktoken = (): typeof import('js-tiktoken') =>
    loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken;

/** Shared tokenizer. */
// lazify: built on first use instead of at import.
const createEncoder = () => loadJsTiktoken().getEncoding('cl100k_base');

let encoderValue: ReturnType<typeof createEncoder> | undefined;

export function getEncoder(): ReturnType<typeof createEncoder> {
  return (encoderValue ??= createEncoder());
}

export declare const encoder: ReturnType<typeof createEncoder>;
Object.defineProperty(exports, 'encoder', { enumerable: true, get: getEncoder });

export const messageSchema = z.object({ role: z.string(), content: z.string() });

export function countTokens(text: string): number {
  return getEncoder().encode(text).length;
}

export function truncate(text: string, max: number): string {
  const tokens: ReturnType<ReturnType<typeof getEncoder>['encode']> = getEncoder().encode(text);
  return getEncoder().decode(tokens.slice(0, max));
}
