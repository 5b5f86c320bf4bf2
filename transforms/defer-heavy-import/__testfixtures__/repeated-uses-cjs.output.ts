import type OpenAI from 'openai';

// lazify: loaded on first use instead of at import.
const loadZod = (): typeof import('zod') => require('zod');

// lazify: loaded on first use instead of at import.
const loadOpenAI = (): typeof OpenAI => {
  const loaded = require('openai');
  return loaded.__esModule ? loaded.default : loaded;
};

export function build() {
  const { z } = loadZod();
  return z.object({ a: z.string(), b: z.number() });
}
export function client() {
  return new (loadOpenAI())({});
}
