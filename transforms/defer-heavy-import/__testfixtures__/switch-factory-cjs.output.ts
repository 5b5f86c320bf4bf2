import type { ProviderOptions } from './types';

// lazify: loaded on first use instead of at import.
let loadedOpenai: typeof import('./providers/openai') | undefined,
  loadOpenai = (): typeof import('./providers/openai') =>
    loadedOpenai === undefined ? (loadedOpenai = require('./providers/openai')) : loadedOpenai;

// lazify: loaded on first use instead of at import.
let loadedAnthropic: typeof import('./providers/anthropic') | undefined,
  loadAnthropic = (): typeof import('./providers/anthropic') =>
    loadedAnthropic === undefined ? (loadedAnthropic = require('./providers/anthropic')) : loadedAnthropic;

// lazify: loaded on first use instead of at import.
let loadedMistral: typeof import('./providers/mistral') | undefined,
  loadMistral = (): typeof import('./providers/mistral') =>
    loadedMistral === undefined ? (loadedMistral = require('./providers/mistral')) : loadedMistral;

// lazify: loaded on first use instead of at import.
let loadedGroq: typeof import('./providers/groq') | undefined,
  loadGroq = (): typeof import('./providers/groq') =>
    loadedGroq === undefined ? (loadedGroq = require('./providers/groq')) : loadedGroq;

export function createProvider(provider: string, options: ProviderOptions) {
  switch (provider) {
    case 'openai':
      return new (loadOpenai().OpenAIProvider)(options);
    case 'azure': {
      const client = new (loadOpenai().OpenAIProvider)({ ...options, azure: true });
      return client;
    }
    case 'anthropic':
      if (!options.apiKey) throw new Error('anthropic needs an API key');
      loadAnthropic().AnthropicProvider.check(options);
      return new (loadAnthropic().AnthropicProvider)(options);
    case 'anthropic-pool':
      {
        const { AnthropicProvider } = loadAnthropic();
        for (const key of options.keys ?? []) AnthropicProvider.check({ ...options, apiKey: key });
        return options.keys?.map((apiKey) => new (loadAnthropic().AnthropicProvider)({ ...options, apiKey }));
      }
    default:
      throw new Error(`Unknown provider: ${provider}`);
  }
}

export function createByName(name: string, options: ProviderOptions) {
  if (name === 'mistral') return new (loadMistral().MistralProvider)(options);
  else if (name === 'groq') {
    return new (loadGroq().GroqProvider)(options);
  }
  throw new Error(`Unknown provider: ${name}`);
}
