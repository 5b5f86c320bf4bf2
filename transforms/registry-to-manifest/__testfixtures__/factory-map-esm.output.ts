import type { BaseHandler } from './providers/base.js';
import type { HandlerOptions } from './types.js';
import { PROVIDER_FACTORIES_MANIFEST } from './factories.manifest.js';

/** Builds a handler for a provider from call options. */
export type ProviderFactory = (options?: HandlerOptions) => Promise<BaseHandler>;

export const PROVIDER_FACTORIES: Record<string, ProviderFactory> = {
  openai: async opts => new (await PROVIDER_FACTORIES_MANIFEST.openai.load())(opts),
  async groq(opts) {
    return new (await PROVIDER_FACTORIES_MANIFEST.groq.load())({ ...opts, baseURL: (await PROVIDER_FACTORIES_MANIFEST.groq.load()).defaultBaseURL });
  },
};
