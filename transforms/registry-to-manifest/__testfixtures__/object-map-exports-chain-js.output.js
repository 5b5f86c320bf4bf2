'use strict';
var rulesManifest = require('./index.manifest.js').rulesManifest;
var withFastProperties = require('./index.manifest.js').withFastProperties;
// eslint-plugin-react's shape: the map is bound locally and exported in one statement.
var rules = exports.rules = withFastProperties(rulesManifest, {
  get 'no-foo'() { return rulesManifest['no-foo'].load(); },
  get 'no-bar'() { return rulesManifest['no-bar'].load(); },
  get 'no-baz'() { return rulesManifest['no-baz'].load(); },
});

exports.configs = {
  recommended: { rules: { 'no-foo': 'error', 'no-bar': 'warn' } },
};
