'use strict';
// A plugin object filled after its declaration: `index.rules = { ... }`.
const index = { meta: { name: 'plugin-shapes', version: '1.0.0' } };

index.rules = {
  'prefer-a': require('./prefer-a'),
  'prefer-b': require('./prefer-b'),
};

module.exports = index;
