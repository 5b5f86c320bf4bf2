"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MistralProvider = void 0;
class MistralProvider {
    complete(prompt) {
        return `mistral: ${prompt}`;
    }
}
exports.MistralProvider = MistralProvider;
