'use strict';
function makeEncoder() {
  return require('js-tiktoken').getEncoding('cl100k_base');
}

function client(options) {
  return new (require('@anthropic-ai/sdk'))({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
