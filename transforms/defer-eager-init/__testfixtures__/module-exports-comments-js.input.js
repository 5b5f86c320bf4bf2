const { getEncoding } = require('js-tiktoken')

const encoder = getEncoding('cl100k_base')

module.exports = {
  // the shared tokenizer
  encoder,
  count: (text) => encoder.encode(text).length,
}
