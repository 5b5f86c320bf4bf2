"use strict";

// eslint-plugin-jsx-a11y's lib/index.js shape (Babel output): a blank line after the prologue,
// helpers, then the rules map among other requires.
function ownKeys(e) { return Object.keys(e); }
/* eslint-disable global-require */
var flatConfigBase = require('./configs/flat-config-base');
var allRules = {
  'alt-text': require('./rules/alt-text'),
  lang: require('./rules/lang')
};
module.exports = { rules: allRules, configs: ownKeys(flatConfigBase) };
