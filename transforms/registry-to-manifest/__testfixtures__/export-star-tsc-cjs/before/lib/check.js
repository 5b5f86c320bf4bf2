"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isCircle = exports.isShape = void 0;
const isShape = (value) => typeof value === "object" && value !== null && "kind" in value;
exports.isShape = isShape;
const isCircle = (value) => (0, exports.isShape)(value) && value.kind === "circle";
exports.isCircle = isCircle;
