import { AnthropicHandler } from './providers/anthropic';
import { OpenAIHandler } from './providers/openai';
import { GroqHandler } from './providers/groq';
import type { BaseHandler } from './providers/base';

// The file already uses the manifest's export name for something of its own.
const MODEL_PREFIXES_MANIFEST = 'see docs/models.md';

/** Keys a manifest must write as escaped literals; `__proto__:` sets the prototype and is no key. */
export const MODEL_PREFIXES: Record<string, typeof BaseHandler> = {
  'it\'s "quoted"': AnthropicHandler,
  'a\nb': OpenAIHandler,
  'back\\slash': OpenAIHandler,
  'line\u2028sep': OpenAIHandler,
  constructor: AnthropicHandler,
  '__proto__': GroqHandler,
};

export const docs = MODEL_PREFIXES_MANIFEST;
