"use strict";
// The shape esbuild gives a CommonJS bundle: interop helpers first, then each source module's
// requires right before its code.
var __toESM = (mod, isNodeMode) => (isNodeMode || !mod || !mod.__esModule ? { ...mod, default: mod } : mod);

// lazify: loaded on first use instead of at import.
let loadedImport_openai,
  loadImport_openai = () =>
    loadedImport_openai === undefined ? (loadedImport_openai = __toESM(require("openai"), 1)) : loadedImport_openai;

// lazify: loaded on first use instead of at import.
let loadedImport_minimatch,
  loadImport_minimatch = () =>
    loadedImport_minimatch === undefined ? (loadedImport_minimatch = require("minimatch")) : loadedImport_minimatch;

// src/openai.ts
var OpenAIEngine = class {
  constructor(config) {
    const import_openai = loadImport_openai();
    this.client = new import_openai.default({ apiKey: config.apiKey });
  }
  supportsVision(model) {
    const import_minimatch = loadImport_minimatch();
    return (0, import_minimatch.minimatch)(model, "gpt-4o*");
  }
};
var openai = new OpenAIEngine({ apiKey: process.env.OPENAI_API_KEY ?? "" });

// src/groq.ts
var GroqEngine = class {
  supportsVision(model) {
    const import_minimatch2 = loadImport_minimatch();
    return (0, import_minimatch2.minimatch)(model, "*vision*");
  }
};
module.exports = { OpenAIEngine, GroqEngine, openai };
