'use strict';Object.defineProperty(exports, "__esModule", { value: true });exports.configs = exports.rules = undefined;var _package = require('../package.json');

// eslint-plugin-import's lib/index.js (Babel with retainLines): the directive shares its line
// with the first statements, and the maps end with ` };`.
var rules = exports.rules = {
  'no-unresolved': require('./rules/no-unresolved'),
  named: require('./rules/named'),

  // deprecated aliases to rules
  'imports-first': require('./rules/imports-first') };


var importPlugin = {
  meta: { name: _package.name, version: _package.version },
  rules: rules };
