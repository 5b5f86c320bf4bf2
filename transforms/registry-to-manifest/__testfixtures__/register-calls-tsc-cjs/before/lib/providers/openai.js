"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpenAIProvider = void 0;
class OpenAIProvider {
    complete(prompt) {
        return `openai: ${prompt}`;
    }
}
exports.OpenAIProvider = OpenAIProvider;
