import type { BaseHandler } from './providers/base.js';
import type { HandlerOptions } from './types.js';
import { GroqHandler } from './providers/groq.js';
import { OpenAIHandler } from './providers/openai.js';

/** Builds a handler for a provider from call options. */
export type ProviderFactory = (options?: HandlerOptions) => BaseHandler;

export const PROVIDER_FACTORIES: Record<string, ProviderFactory> = {
  openai: (opts) => new OpenAIHandler(opts),
  groq(opts) {
    return new GroqHandler({ ...opts, baseURL: GroqHandler.defaultBaseURL });
  },
};
