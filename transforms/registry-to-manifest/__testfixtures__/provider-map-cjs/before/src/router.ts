import { AnthropicHandler } from "./providers/anthropic";
import type { BaseHandler } from "./providers/base";
import { MistralHandler } from "./providers/mistral";
import { OpenAIHandler } from "./providers/openai";

type HandlerClass = new () => BaseHandler;

/** Model-name prefixes and the handler class that serves them, most specific first. */
export const MODEL_PREFIXES: Record<string, HandlerClass> = {
  // Anthropic
  "claude-": AnthropicHandler,
  // OpenAI: chat models and the reasoning series
  "gpt-": OpenAIHandler,
  o1: OpenAIHandler,
  "mistral-": MistralHandler, // also serves codestral
};

export function handlerFor(model: string): BaseHandler {
  const prefix = Object.keys(MODEL_PREFIXES).find((p) => model.startsWith(p));
  if (!prefix) throw new Error(`no handler for model ${model}`);
  return new MODEL_PREFIXES[prefix]!();
}
