import type { Mistral } from '@mistralai/mistralai';

export async function send(apiKey: string, body: unknown) {
  const { Mistral } = await import('@mistralai/mistralai');
  const client: Mistral = new Mistral({ apiKey });
  return client.chat.complete(body as never);
}
