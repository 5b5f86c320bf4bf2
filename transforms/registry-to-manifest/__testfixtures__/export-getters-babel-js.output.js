"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
Object.defineProperty(exports, "Button", {
  enumerable: true,
  get: function () {
    return (_Button || (_Button = _interopRequireDefault(require("./Button")))).default;
  }
});
Object.defineProperty(exports, "Card", {
  enumerable: true,
  get: function () {
    return (_Card || (_Card = _interopRequireDefault(require("./Card")))).default;
  }
});
Object.defineProperty(exports, "Dialog", {
  enumerable: true,
  get: function () {
    return (_Dialog || (_Dialog = _interopRequireDefault(require("./Dialog")))).default;
  }
});
var _Button;
var _Card;
var _Dialog;
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
