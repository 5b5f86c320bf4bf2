'use strict';
var providers = new Map();

function register(name, provider) {
  if (typeof name !== 'string' || name === '') throw new TypeError('provider name must be a non-empty string');
  if (!provider || typeof provider.complete !== 'function') throw new TypeError('provider "' + name + '" must have a complete() function');
  providers.set(name, provider);
}

function get(name) {
  var provider = providers.get(name);
  if (!provider) throw new Error('unknown provider "' + name + '"; known: ' + list().join(', '));
  return provider;
}

function has(name) {
  return providers.has(name);
}

function list() {
  var names = [];
  providers.forEach(function (provider, name) {
    names.push(name);
  });
  return names;
}

module.exports = { register: register, get: get, has: has, list: list };
