import type { BaseHandler } from './providers/base.js';
import type { HandlerOptions } from './types.js';
import { PROVIDER_FACTORIES_MANIFEST } from './factories.manifest.js';

/** Builds a handler for a provider from call options. */
export type ProviderFactory = (options?: HandlerOptions) => BaseHandler;

export const PROVIDER_FACTORIES: Record<string, ProviderFactory> = {
  openai: (opts) => new (PROVIDER_FACTORIES_MANIFEST.openai.load())(opts),
  groq(opts) {
    return new (PROVIDER_FACTORIES_MANIFEST.groq.load())({ ...opts, baseURL: PROVIDER_FACTORIES_MANIFEST.groq.load().defaultBaseURL });
  },
};
