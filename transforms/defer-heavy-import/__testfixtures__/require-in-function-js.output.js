'use strict';
// lazify: loaded on first use instead of at import.
let loadedJsTiktoken,
  loadJsTiktoken = () =>
    loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken;
// lazify: loaded on first use instead of at import.
let loadedAnthropic,
  loadAnthropic = () =>
    loadedAnthropic === undefined ? (loadedAnthropic = require('@anthropic-ai/sdk')) : loadedAnthropic;

function makeEncoder() {
  const { getEncoding } = loadJsTiktoken();
  return getEncoding('cl100k_base');
}

function client(options) {
  const Anthropic = loadAnthropic();
  return new Anthropic({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
