"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.format = exports.formatDate = format;
Object.defineProperty(exports, "tokens", {
  enumerable: true,
  get: function () {
    return _tokens.tokens;
  }
});
var _tokens = require("./tokens");
function format(date) {
  return _tokens.tokens.map((token) => token + ":" + date).join(" ");
}
