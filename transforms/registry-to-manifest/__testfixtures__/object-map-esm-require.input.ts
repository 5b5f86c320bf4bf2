import type { HandlerClass } from './registry.js';
import { AnthropicHandler } from './providers/anthropic.js';
import { OpenAIHandler } from './providers/openai.js';

export const MODEL_PREFIXES: Record<string, HandlerClass> = {
  'gpt-': OpenAIHandler,
  'claude-': AnthropicHandler,
};
