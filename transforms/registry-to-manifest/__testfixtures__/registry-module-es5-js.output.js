'use strict';
var providers = new Map();

// lazify: names registered with registerLoader stay unloaded until first looked up.
var providersLoaders = new Map();

function register(name, provider) {
  providersLoaders.delete(name);
  if (typeof name !== 'string' || name === '') throw new TypeError('provider name must be a non-empty string');
  if (!provider || typeof provider.complete !== 'function') throw new TypeError('provider "' + name + '" must have a complete() function');
  providers.set(name, provider);
}

/** Registers `name` with a loader: it is listed at once and its module loads on first lookup. */
function registerLoader(name, load) {
  providersLoaders.set(name, load);
  // A placeholder keeps the name listed (has, keys, size) in registration order without loading it.
  providers.set(name, undefined);
}

function loadProvidersEntry(name) {
  var load = providersLoaders.get(name);
  if (load) {
    var value = load();
    // Drop the placeholder so the register function's own checks (duplicates, shape) see a new name.
    providers.delete(name);
    register(name, value);
  }
  return providers.get(name);
}

function loadAllProviders() {
  var names = [];
  providersLoaders.forEach(function (load, name) { names.push(name); });
  names.forEach(function (name) { loadProvidersEntry(name); });
}

function get(name) {
  var provider = loadProvidersEntry(name);
  if (!provider) throw new Error('unknown provider "' + name + '"; known: ' + list().join(', '));
  return provider;
}

function has(name) {
  return providers.has(name);
}

function list() {
  var names = [];
  loadAllProviders(), providers.forEach(function (provider, name) {
    names.push(name);
  });
  return names;
}

module.exports = {
  register: register,
  get: get,
  has: has,
  list: list,
  registerLoader: registerLoader,
};
