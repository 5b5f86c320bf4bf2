import { OpenAIProvider } from './providers/openai.js';
import { AnthropicProvider } from './providers/anthropic.js';

export function createProvider(provider: string, apiKey: string) {
  switch (provider) {
    case 'openai':
      return new OpenAIProvider({ apiKey });
    case 'anthropic':
      return new AnthropicProvider({ apiKey });
    default:
      throw new Error(`Unknown provider: ${provider}`);
  }
}
