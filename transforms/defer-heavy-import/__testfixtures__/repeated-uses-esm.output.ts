export async function build() {
  const { z } = await import('zod');
  return z.object({ a: z.string(), b: z.number() });
}
export async function client() {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({});
}
