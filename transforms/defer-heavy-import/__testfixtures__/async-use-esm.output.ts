import type { Mistral } from '@mistralai/mistralai';

export async function send(apiKey: string, body: unknown) {
  const client: Mistral = new ((await import('@mistralai/mistralai')).Mistral)({ apiKey });
  return client.chat.complete(body as never);
}
