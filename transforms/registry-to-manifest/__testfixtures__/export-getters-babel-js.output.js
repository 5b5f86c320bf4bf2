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
var _Button = {
  get default() { return (_Button = _interopRequireDefault(require("./Button"))).default; }
};
var _Card = {
  get default() { return (_Card = _interopRequireDefault(require("./Card"))).default; }
};
var _Dialog = {
  get default() { return (_Dialog = _interopRequireDefault(require("./Dialog"))).default; }
};
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
