import type { BaseHandler } from './providers/base.js';
import type { HandlerOptions } from './types.js';

/** A handler class as registered: constructible with options, carrying its provider name. */
export type HandlerClass = {
  new (options?: HandlerOptions): BaseHandler;
  readonly providerName: string;
};

const providers = new Map<string, HandlerClass>();

// lazify: names registered with registerProviderLoader stay unloaded until first looked up.
const providersLoaders = new Map<string, () => Promise<Parameters<typeof registerProvider>[1]>>();

export function registerProvider(name: string, handlerClass: HandlerClass): void {
  providersLoaders.delete(name);
  if (providers.has(name)) throw new Error(`Provider already registered: ${name}`);
  providers.set(name, handlerClass);
}

/** Registers `name` with a loader: it is listed at once and its module loads on first lookup. */
export function registerProviderLoader(name: string, load: () => Promise<Parameters<typeof registerProvider>[1]>): void {
  providersLoaders.set(name, load);
  // A placeholder keeps the name listed (has, keys, size) in registration order without loading it.
  providers.set(name, undefined as never);
}

async function loadProvidersEntry(name: string) {
  const load = providersLoaders.get(name);
  if (load) {
    const value = await load();
    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.
    providers.delete(name);
    registerProvider(name, value);
  }
  return providers.get(name);
}

async function loadAllProviders(): Promise<void> {
  for (const name of [...providersLoaders.keys()]) await loadProvidersEntry(name);
}

/** Async so registrations can be loaded on demand without changing callers. */
export async function getProvider(name: string): Promise<HandlerClass> {
  const handlerClass = await loadProvidersEntry(name);
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
