'use strict';
const { getEncoding } = require('js-tiktoken');
const Anthropic = require('@anthropic-ai/sdk');

function makeEncoder() {
  return getEncoding('cl100k_base');
}

function client(options) {
  return new Anthropic({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
