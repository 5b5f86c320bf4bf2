import { OpenAIProvider } from './providers/openai';
import { AnthropicProvider } from './providers/anthropic';
import { MistralProvider } from './providers/mistral';
import { GroqProvider } from './providers/groq';
import type { ProviderOptions } from './types';

export function createProvider(provider: string, options: ProviderOptions) {
  switch (provider) {
    case 'openai':
      return new OpenAIProvider(options);
    case 'azure': {
      const client = new OpenAIProvider({ ...options, azure: true });
      return client;
    }
    case 'anthropic':
      if (!options.apiKey) throw new Error('anthropic needs an API key');
      AnthropicProvider.check(options);
      return new AnthropicProvider(options);
    case 'anthropic-pool':
      for (const key of options.keys ?? []) AnthropicProvider.check({ ...options, apiKey: key });
      return options.keys?.map((apiKey) => new AnthropicProvider({ ...options, apiKey }));
    default:
      throw new Error(`Unknown provider: ${provider}`);
  }
}

export function createByName(name: string, options: ProviderOptions) {
  if (name === 'mistral') return new MistralProvider(options);
  else if (name === 'groq') {
    return new GroqProvider(options);
  }
  throw new Error(`Unknown provider: ${name}`);
}
