// lazify: loaded on first use instead of at import.
let loadedJsTiktoken,
  loadJsTiktoken = () =>
    loadedJsTiktoken === undefined ? (loadedJsTiktoken = require('js-tiktoken')) : loadedJsTiktoken

// lazify: built on first use instead of at import.
const createEncoder = () => loadJsTiktoken().getEncoding('cl100k_base')

let encoderValue

function getEncoder() {
  return (encoderValue ??= createEncoder())
}

module.exports = {
  // the shared tokenizer
  get encoder() { return getEncoder() },
  getEncoder,
  count: (text) => getEncoder().encode(text).length,
}

// ES module importers get the export names Node reads in this file; the lazy loading above
// hides these from that reading, so they are named here. This line never runs.
0 && (exports.encoder = void 0)
