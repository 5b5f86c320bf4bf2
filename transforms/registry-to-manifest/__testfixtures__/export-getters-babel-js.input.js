"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
Object.defineProperty(exports, "Button", {
  enumerable: true,
  get: function () {
    return _Button.default;
  }
});
Object.defineProperty(exports, "Card", {
  enumerable: true,
  get: function () {
    return _Card.default;
  }
});
Object.defineProperty(exports, "Dialog", {
  enumerable: true,
  get: function () {
    return _Dialog.default;
  }
});
var _Button = _interopRequireDefault(require("./Button"));
var _Card = _interopRequireDefault(require("./Card"));
var _Dialog = _interopRequireDefault(require("./Dialog"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
