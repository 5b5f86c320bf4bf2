import { z } from 'zod';
import OpenAI from 'openai';

export async function build() {
  return z.object({ a: z.string(), b: z.number() });
}
export async function client() {
  return new OpenAI({});
}
