'use strict';
// lazify: loaded on first use instead of at import.
let loadedJsTiktoken,
  loadJsTiktoken = () =>
    loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken;

// Built at load time: loading the BPE ranks is the slowest thing in this file.
// lazify: built on first use instead of at import.
const createEncoder = () => loadJsTiktoken().getEncoding('cl100k_base');

let encoderValue;

function getEncoder() {
  return (encoderValue ??= createEncoder());
}

function countTokens(text) {
  return getEncoder().encode(String(text)).length;
}

module.exports = { countTokens, get encoder() { return getEncoder(); }, getEncoder };

// ES module importers get the export names Node reads in this file; the lazy loading above
// hides these from that reading, so they are named here. This line never runs.
0 && (exports.encoder = void 0);
