import type { BaseHandler } from './providers/base.js';
import type { HandlerOptions } from './types.js';

/** A handler class as registered: constructible with options, carrying its provider name. */
export type HandlerClass = {
  new (options?: HandlerOptions): BaseHandler;
  readonly providerName: string;
};

const providers = new Map<string, HandlerClass>();

export function registerProvider(name: string, handlerClass: HandlerClass): void {
  if (providers.has(name)) throw new Error(`Provider already registered: ${name}`);
  providers.set(name, handlerClass);
}

/** Async so registrations can be loaded on demand without changing callers. */
export async function getProvider(name: string): Promise<HandlerClass> {
  const handlerClass = providers.get(name);
  if (!handlerClass) throw new Error(`Unknown provider: ${name}`);
  return handlerClass;
}

export function hasProvider(name: string): boolean {
  return providers.has(name);
}

/** Registered provider names, sorted. Reads only the keys. */
export function listProviders(): string[] {
  return [...providers.keys()].sort();
}
