'use strict';
const { getEncoding } = require('js-tiktoken');

function TokenCount({ text }) {
  return <span className="tokens">{getEncoding('cl100k_base').encode(text).length}</span>;
}

module.exports = { TokenCount };
