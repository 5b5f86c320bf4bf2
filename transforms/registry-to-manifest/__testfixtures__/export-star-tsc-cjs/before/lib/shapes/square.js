"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Square = Square;
function Square(side) {
    return { kind: "square", side };
}
