'use strict';
// The API is one object literal, exported after it is built: the loader-registering twin
// must be a property of it, or the providers' module throws calling it.
const providers = new Map();

function register(name, provider) {
  if (typeof provider !== 'function') throw new TypeError(`provider "${name}" must be a class`);
  providers.set(name, provider);
}

function get(name) {
  return providers.get(name);
}

const api = { register, get };
module.exports = api;
