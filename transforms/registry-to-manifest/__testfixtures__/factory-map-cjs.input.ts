import { OpenAIHandler } from './providers/openai';
import { GroqHandler } from './providers/groq';
import type { BaseHandler } from './providers/base';
import type { HandlerOptions } from './types';

export const PROVIDER_FACTORIES: Record<string, (options: HandlerOptions) => BaseHandler> = {
  openai: (options) => new OpenAIHandler(options),
  groq(options) {
    return new GroqHandler({ ...options, baseURL: GroqHandler.defaultBaseURL });
  },
};
