import { z } from 'zod';
import OpenAI from 'openai';

export function build() {
  return z.object({ a: z.string(), b: z.number() });
}
export function client() {
  return new OpenAI({});
}
