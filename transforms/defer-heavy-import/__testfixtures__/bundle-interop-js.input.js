"use strict";
// The shape esbuild gives a CommonJS bundle: interop helpers first, then each source module's
// requires right before its code.
var __toESM = (mod, isNodeMode) => (isNodeMode || !mod || !mod.__esModule ? { ...mod, default: mod } : mod);

// src/openai.ts
var import_openai = __toESM(require("openai"), 1);
var import_minimatch = require("minimatch");
var OpenAIEngine = class {
  constructor(config) {
    this.client = new import_openai.default({ apiKey: config.apiKey });
  }
  supportsVision(model) {
    return (0, import_minimatch.minimatch)(model, "gpt-4o*");
  }
};
var openai = new OpenAIEngine({ apiKey: process.env.OPENAI_API_KEY ?? "" });

// src/groq.ts
var import_minimatch2 = require("minimatch");
var GroqEngine = class {
  supportsVision(model) {
    return (0, import_minimatch2.minimatch)(model, "*vision*");
  }
};
module.exports = { OpenAIEngine, GroqEngine, openai };
