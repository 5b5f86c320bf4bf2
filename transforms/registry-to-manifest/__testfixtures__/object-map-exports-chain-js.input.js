'use strict';
// eslint-plugin-react's shape: the map is bound locally and exported in one statement.
var rules = exports.rules = {
  'no-foo': require('./no-foo'),
  'no-bar': require('./no-bar'),
  'no-baz': require('./no-baz'),
};

exports.configs = {
  recommended: { rules: { 'no-foo': 'error', 'no-bar': 'warn' } },
};
