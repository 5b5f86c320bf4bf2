'use strict';
const { UnknownProviderError } = require('./errors');

const providers = new Map();

function register(name, provider) {
  if (typeof name !== 'string' || name === '') throw new TypeError('provider name must be a non-empty string');
  if (!provider || typeof provider.buildRequest !== 'function') {
    throw new TypeError(`provider "${name}" must have a buildRequest() function`);
  }
  providers.set(name, provider);
}

function get(name) {
  const provider = providers.get(name);
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
exports.get = get;
exports.has = has;
exports.list = list;

// Built-in providers register themselves on first load, so get() works whatever
// the caller required first.
require('./providers');
