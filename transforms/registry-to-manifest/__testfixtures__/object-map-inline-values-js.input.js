'use strict';
const { EchoProvider } = require('./echo');

// Most values are required providers; two are written inline and stay as they are.
const PROVIDERS = {
  openai: require('./openai'),
  anthropic: require('./anthropic'),
  mistral: require('./mistral'),
  echo: EchoProvider,
  noop: { name: 'noop', complete: () => '' },
  upper: class UpperProvider { complete(text) { return text.toUpperCase(); } },
};

module.exports = { PROVIDERS };
