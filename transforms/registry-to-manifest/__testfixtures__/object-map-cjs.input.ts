import { AnthropicHandler } from './providers/anthropic';
import { OpenAIHandler } from './providers/openai';
import type { BaseHandler } from './providers/base';
import { helper } from './helper';

/** Model-name prefixes and the handler that serves them. */
export const MODEL_PREFIXES: Record<string, typeof BaseHandler> = {
  'claude-': AnthropicHandler,
  'gpt-': OpenAIHandler,
  o1: OpenAIHandler,
};

export function handlerFor(model: string): typeof BaseHandler | undefined {
  helper();
  const prefix = Object.keys(MODEL_PREFIXES).find((p) => model.startsWith(p));
  return prefix ? MODEL_PREFIXES[prefix] : undefined;
}

export function isAnthropic(h: unknown): h is AnthropicHandler {
  return h instanceof Object;
}
