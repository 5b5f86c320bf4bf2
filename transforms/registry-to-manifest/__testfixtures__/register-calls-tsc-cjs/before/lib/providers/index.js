"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const registry_1 = require("../registry");
const openai_1 = require("./openai");
const anthropic_1 = require("./anthropic");
const mistral_1 = require("./mistral");
(0, registry_1.registerProvider)('openai', openai_1.OpenAIProvider);
registry_1.registerProvider('anthropic', anthropic_1.AnthropicProvider);
(0, registry_1.registerProvider)('mistral', mistral_1.MistralProvider);
