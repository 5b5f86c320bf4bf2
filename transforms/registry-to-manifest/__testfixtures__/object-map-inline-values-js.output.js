'use strict';
const { PROVIDERS_MANIFEST, withFastProperties } = require('./index.manifest.js');

// Most values are required providers; two are written inline and stay as they are.
const PROVIDERS = withFastProperties(PROVIDERS_MANIFEST, {
  get openai() { return PROVIDERS_MANIFEST.openai.load(); },
  get anthropic() { return PROVIDERS_MANIFEST.anthropic.load(); },
  get mistral() { return PROVIDERS_MANIFEST.mistral.load(); },
  get echo() { return PROVIDERS_MANIFEST.echo.load(); },
  noop: { name: 'noop', complete: () => '' },
  upper: class UpperProvider { complete(text) { return text.toUpperCase(); } },
});

module.exports = { PROVIDERS };
