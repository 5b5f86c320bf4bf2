export async function build() {
  const { z } = await import('zod');
  return z.object({ a: z.string(), b: z.number() });
}
export async function client() {
  return new ((await import('openai')).default)({});
}
