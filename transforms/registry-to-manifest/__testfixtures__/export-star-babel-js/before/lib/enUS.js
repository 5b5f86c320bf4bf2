"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.enUS = void 0;
const enUS = exports.enUS = { code: "en-US" };
