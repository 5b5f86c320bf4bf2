"use strict";

// eslint-plugin-jsx-a11y's lib/index.js shape (Babel output): a blank line after the prologue,
// helpers, then the rules map among other requires.
function ownKeys(e) { return Object.keys(e); }
/* eslint-disable global-require */
var flatConfigBase = require('./configs/flat-config-base');
var allRulesManifest = require('./index.manifest.js').allRulesManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
var allRules = withFastProperties(allRulesManifest, {
  get 'alt-text'() { return allRulesManifest['alt-text'].load(); },
  get lang() { return allRulesManifest.lang.load(); }
});
module.exports = { rules: allRules, configs: ownKeys(flatConfigBase) };
