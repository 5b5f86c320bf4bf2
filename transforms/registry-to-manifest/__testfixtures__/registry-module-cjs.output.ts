import type { BaseHandler } from './providers/base';
import { UnknownProviderError } from './errors';

type HandlerClass = new (...args: any[]) => BaseHandler;

const providers = new Map<string, HandlerClass>();

// lazify: names registered with registerProviderLoader stay unloaded until first looked up.
const providersLoaders = new Map<string, () => Parameters<typeof registerProvider>[1]>();

export function registerProvider(name: string, handler: HandlerClass): void {
  providersLoaders.delete(name);
  providers.set(name, handler);
}

/** Registers `name` with a loader: it is listed at once and its module loads on first lookup. */
export function registerProviderLoader(name: string, load: () => Parameters<typeof registerProvider>[1]): void {
  providersLoaders.set(name, load);
  // A placeholder keeps the name listed (has, keys, size) in registration order without loading it.
  providers.set(name, undefined as never);
}

function loadProvidersEntry(name: string) {
  const load = providersLoaders.get(name);
  if (load) {
    const value = load();
    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.
    providers.delete(name);
    registerProvider(name, value);
  }
  return providers.get(name);
}

function loadAllProviders(): void {
  for (const name of [...providersLoaders.keys()]) loadProvidersEntry(name);
}

export function getProvider(name: string): HandlerClass {
  const handler = loadProvidersEntry(name);
  if (!handler) throw new UnknownProviderError(name, listProviders());
  return handler;
}

export function listProviders(): string[] {
  return [...providers.keys()];
}

export function allProviders(): HandlerClass[] {
  return [...(loadAllProviders(), providers.values())];
}
