"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Circle = Circle;
exports.isCircle = isCircle;
function Circle(radius) {
    return { kind: "circle", radius };
}
function isCircle(shape) {
    return shape.kind === "circle";
}
