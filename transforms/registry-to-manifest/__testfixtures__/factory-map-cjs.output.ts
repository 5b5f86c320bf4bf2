import type { BaseHandler } from './providers/base';
import type { HandlerOptions } from './types';
import { PROVIDER_FACTORIES_MANIFEST } from './factories.manifest';

export const PROVIDER_FACTORIES: Record<string, (options: HandlerOptions) => BaseHandler> = {
  openai: (options) => new (PROVIDER_FACTORIES_MANIFEST.openai.load())(options),
  groq(options) {
    return new (PROVIDER_FACTORIES_MANIFEST.groq.load())({ ...options, baseURL: PROVIDER_FACTORIES_MANIFEST.groq.load().defaultBaseURL });
  },
};
