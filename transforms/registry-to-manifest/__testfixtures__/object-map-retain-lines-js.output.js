'use strict';Object.defineProperty(exports, "__esModule", { value: true });exports.configs = exports.rules = undefined;var _package = require('../package.json');

var rulesManifest = require('./index.rules.manifest.js').rulesManifest;
var withFastProperties = require('./index.rules.manifest.js').withFastProperties;

// eslint-plugin-import's lib/index.js (Babel with retainLines): the directive shares its line
// with the first statements, and the maps end with ` };`.
var rules = exports.rules = withFastProperties(rulesManifest, {
  get 'no-unresolved'() { return rulesManifest['no-unresolved'].load(); },
  get named() { return rulesManifest.named.load(); },

  // deprecated aliases to rules
  get 'imports-first'() { return rulesManifest['imports-first'].load(); } });


var importPlugin = {
  meta: { name: _package.name, version: _package.version },
  rules: rules };
