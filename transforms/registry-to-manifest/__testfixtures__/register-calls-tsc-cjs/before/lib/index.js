"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getProvider = void 0;
require("./providers/index");
var registry_1 = require("./registry");
Object.defineProperty(exports, "getProvider", { enumerable: true, get: function () { return registry_1.getProvider; } });
