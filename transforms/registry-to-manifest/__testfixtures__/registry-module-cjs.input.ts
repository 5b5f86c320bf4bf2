import type { BaseHandler } from './providers/base';
import { UnknownProviderError } from './errors';

type HandlerClass = new (...args: any[]) => BaseHandler;

const providers = new Map<string, HandlerClass>();

export function registerProvider(name: string, handler: HandlerClass): void {
  providers.set(name, handler);
}

export function getProvider(name: string): HandlerClass {
  const handler = providers.get(name);
  if (!handler) throw new UnknownProviderError(name, listProviders());
  return handler;
}

export function listProviders(): string[] {
  return [...providers.keys()];
}

export function allProviders(): HandlerClass[] {
  return [...providers.values()];
}
