'use strict';
// The API is one object literal, exported after it is built: the loader-registering twin
// must be a property of it, or the providers' module throws calling it.
const providers = new Map();

// lazify: names registered with registerLoader stay unloaded until first looked up.
const providersLoaders = new Map();

function register(name, provider) {
  providersLoaders.delete(name);
  if (typeof provider !== 'function') throw new TypeError(`provider "${name}" must be a class`);
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
  return loadProvidersEntry(name);
}

const api = {
  register,
  get,
  registerLoader,
};
module.exports = api;
