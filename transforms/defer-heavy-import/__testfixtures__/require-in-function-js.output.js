'use strict';
// lazify: loaded on first use instead of at import.
const loadJsTiktoken = () => require('js-tiktoken');
// lazify: loaded on first use instead of at import.
const loadAnthropic = () => require('@anthropic-ai/sdk');

function makeEncoder() {
  return loadJsTiktoken().getEncoding('cl100k_base');
}

function client(options) {
  return new (loadAnthropic())({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
