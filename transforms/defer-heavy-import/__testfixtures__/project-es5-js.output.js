'use strict';
// lazify: loaded on first use instead of at import.
var loadedJsTiktoken,
  loadJsTiktoken = function () {
    return loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken;
  };
// lazify: loaded on first use instead of at import.
var loadedAnthropic,
  loadAnthropic = function () {
    return loadedAnthropic === undefined ? (loadedAnthropic = require('@anthropic-ai/sdk')) : loadedAnthropic;
  };

function makeEncoder() {
  var getEncoding = loadJsTiktoken().getEncoding;
  return getEncoding('cl100k_base');
}

function client(options) {
  var Anthropic = loadAnthropic();
  return new Anthropic({ apiKey: options.apiKey });
}

module.exports = { makeEncoder, client };
