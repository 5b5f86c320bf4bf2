'use strict';
const registry = require('../registry');

registry.register('openai', require('./openai'));
registry.register('anthropic', require('./anthropic'));
registry.register('google', require('./google'));
registry.register('mistral', require('./mistral'));
registry.register('groq', require('./groq'));
registry.register('cohere', require('./cohere'));
registry.register('ollama', require('./ollama'));
registry.register('replicate', require('./replicate'));
registry.register('huggingface', require('./huggingface'));
registry.register('bedrock', require('./bedrock'));
