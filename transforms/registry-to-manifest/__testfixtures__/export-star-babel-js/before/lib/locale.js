"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
var _enUS = require("./enUS");
Object.keys(_enUS).forEach(function (key) {
  if (key === "default" || key === "__esModule") return;
  if (key in exports && exports[key] === _enUS[key]) return;
  Object.defineProperty(exports, key, {
    enumerable: true,
    get: function () {
      return _enUS[key];
    }
  });
});
