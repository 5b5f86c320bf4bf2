"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
Object.defineProperty(exports, "tokens", {
  enumerable: true,
  get: function () {
    return _tokens.tokens;
  }
});
exports.parse = parse;
var _tokens = require("./tokens");
function parse(text) {
  return text.split(" ").length === _tokens.tokens.length ? text : null;
}
