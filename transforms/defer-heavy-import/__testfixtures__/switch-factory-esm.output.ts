export async function createProvider(provider: string, apiKey: string) {
  switch (provider) {
    case 'openai':
      return new ((await import('./providers/openai.js')).OpenAIProvider)({ apiKey });
    case 'anthropic':
      return new ((await import('./providers/anthropic.js')).AnthropicProvider)({ apiKey });
    default:
      throw new Error(`Unknown provider: ${provider}`);
  }
}
