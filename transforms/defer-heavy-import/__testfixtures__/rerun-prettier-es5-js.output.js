"use strict";
// lazify: loaded on first use instead of at import.
var loadedJsTiktoken,
  loadJsTiktoken = function () {
    return loadedJsTiktoken === undefined
      ? (loadedJsTiktoken = require("js-tiktoken"))
      : loadedJsTiktoken;
  };

function countTokens(text) {
  var getEncoding = loadJsTiktoken().getEncoding;
  return getEncoding("cl100k_base").encode(String(text)).length;
}

function countForModel(model, text) {
  var encodingForModel = loadJsTiktoken().encodingForModel;
  return encodingForModel(model).encode(String(text)).length;
}

module.exports = { countTokens: countTokens, countForModel: countForModel };
