'use strict';
const { rulesManifest, withFastProperties } = require('./index.manifest.js');
// A plugin object filled after its declaration: `index.rules = { ... }`.
const index = { meta: { name: 'plugin-shapes', version: '1.0.0' } };

index.rules = withFastProperties(rulesManifest, {
  get 'prefer-a'() { return rulesManifest['prefer-a'].load(); },
  get 'prefer-b'() { return rulesManifest['prefer-b'].load(); },
});

module.exports = index;
