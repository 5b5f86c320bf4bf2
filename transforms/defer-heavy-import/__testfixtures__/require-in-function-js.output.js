'use strict';
// lazify: loaded on first use instead of at import.
let loadedJsTiktoken, loadJsTiktoken = () => (loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken);
// lazify: loaded on first use instead of at import.
let loadedAnthropic, loadAnthropic = () => (loadedAnthropic === undefined ? (loadedAnthropic = require('@anthropic-ai/sdk')) : loadedAnthropic);

function makeEncoder() {
  return loadJsTiktoken().getEncoding('cl100k_base');
}

function client(options) {
  return new (loadAnthropic())({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
