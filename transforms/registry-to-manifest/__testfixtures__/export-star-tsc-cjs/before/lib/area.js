"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.area = area;
const tslib_1 = require("tslib");
tslib_1.__exportStar(require("./shapes/index"), exports);
function area(shape) {
    return shape.kind === "circle" ? Math.PI * shape.radius ** 2 : shape.side ** 2;
}
