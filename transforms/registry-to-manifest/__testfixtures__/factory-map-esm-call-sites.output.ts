import { PROVIDER_FACTORIES as FACTORIES } from './factories.js';
import type { BaseHandler } from './providers/base.js';

export async function handlerFor(provider: string): Promise<{ handler: BaseHandler }> {
  const factory = FACTORIES[provider];
  if (!factory) throw new Error(`Unknown provider: ${provider}`);
  return { handler: await factory({}) };
}

export async function direct(provider: string): Promise<BaseHandler> {
  const handler = await FACTORIES[provider]!({ apiKey: 'k' });
  return handler;
}

export async function alreadyAwaited(provider: string): Promise<BaseHandler> {
  return await FACTORIES[provider]!({});
}

export function keys(): string[] {
  return Object.keys(FACTORIES);
}
