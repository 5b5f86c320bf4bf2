"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AnthropicProvider = void 0;
class AnthropicProvider {
    complete(prompt) {
        return `anthropic: ${prompt}`;
    }
}
exports.AnthropicProvider = AnthropicProvider;
