import { Mistral } from '@mistralai/mistralai';

export function client(apiKey: string): Mistral {
  return new Mistral({ apiKey });
}
