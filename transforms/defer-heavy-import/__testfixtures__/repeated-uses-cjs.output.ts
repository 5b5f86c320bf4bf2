import type OpenAI from 'openai';

// lazify: loaded on first use instead of at import.
let loadedZod: typeof import('zod') | undefined,
  loadZod = (): typeof import('zod') =>
    loadedZod === undefined ? (loadedZod = require('zod')) : loadedZod;

// lazify: loaded on first use instead of at import.
let loadedOpenAI: typeof OpenAI | undefined, loadOpenAI = (): typeof OpenAI => {
  if (loadedOpenAI !== undefined) return loadedOpenAI;
  const loaded = require('openai');
  return (loadedOpenAI = loaded.__esModule ? loaded.default : loaded);
};

export function build() {
  const { z } = loadZod();
  return z.object({ a: z.string(), b: z.number() });
}
export function client() {
  const OpenAI = loadOpenAI();
  return new OpenAI({});
}
