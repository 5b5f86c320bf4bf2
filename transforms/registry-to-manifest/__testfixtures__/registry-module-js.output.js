'use strict';
const { UnknownProviderError } = require('./errors');

const providers = new Map();

// lazify: names registered with registerLoader stay unloaded until first looked up.
const providersLoaders = new Map();

function register(name, provider) {
  providersLoaders.delete(name);
  if (typeof name !== 'string' || name === '') throw new TypeError('provider name must be a non-empty string');
  if (!provider || typeof provider.buildRequest !== 'function') {
    throw new TypeError(`provider "${name}" must have a buildRequest() function`);
  }
  providers.set(name, provider);
}

/** Registers `name` with a loader: it is listed at once and its module loads on first lookup. */
function registerLoader(name, load) {
  providersLoaders.set(name, load);
  // A placeholder keeps the name listed (has, keys, size) in registration order without loading it.
  providers.set(name, undefined);
}

function loadProvidersEntry(name) {
  const load = providersLoaders.get(name);
  if (load) {
    const value = load();
    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.
    providers.delete(name);
    register(name, value);
  }
  return providers.get(name);
}

function loadAllProviders() {
  for (const name of [...providersLoaders.keys()]) loadProvidersEntry(name);
}

function get(name) {
  const provider = loadProvidersEntry(name);
  if (!provider) throw new UnknownProviderError(name, list());
  return provider;
}

function has(name) {
  return providers.has(name);
}

function list() {
  return [...providers.keys()].sort();
}

// Exports are set on `exports` (not replaced) before the providers load, because
// the providers reach this module again through ../utils while it is still loading.
exports.register = register;
exports.registerLoader = registerLoader;
exports.get = get;
exports.has = has;
exports.list = list;

// Built-in providers register themselves on first load, so get() works whatever
// the caller required first.
require('./providers');
