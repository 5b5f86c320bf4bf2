"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.tokens = void 0;
const tokens = exports.tokens = ["yyyy", "MM", "dd"];
