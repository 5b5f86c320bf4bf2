'use strict';
// lazify: loaded on first use instead of at import.
let loadedJsTiktoken,
  loadJsTiktoken = () =>
    loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken;

function TokenCount({ text }) {
  const { getEncoding } = loadJsTiktoken();
  return <span className="tokens">{getEncoding('cl100k_base').encode(text).length}</span>;
}

module.exports = { TokenCount };
