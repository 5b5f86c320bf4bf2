'use strict';
const { getEncoding } = require('js-tiktoken');

// Built at load time: loading the BPE ranks is the slowest thing in this file.
const encoder = getEncoding('cl100k_base');

function countTokens(text) {
  return encoder.encode(String(text)).length;
}

module.exports = { countTokens, encoder };
