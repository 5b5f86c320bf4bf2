"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.add = add;
exports.default = void 0;
function add(a, b) {
  return a + b;
}
var _default = exports.default = add;
