import { Mistral } from '@mistralai/mistralai';

export async function send(apiKey: string, body: unknown) {
  const client: Mistral = new Mistral({ apiKey });
  return client.chat.complete(body as never);
}
