import { embed } from './embedder.js';
import { generate, toGeminiTool, type ToolDefinition } from './gemini.js';

export interface PluginOptions {
  apiKey?: string;
  cache?: boolean;
}

/** The plugin: its actions call the SDK only when they run. */
export function geminiPlugin(options: PluginOptions = {}) {
  return {
    name: 'gemini',
    embed: (text: string) => embed(options, text),
    generate: (prompt: string, tools: ToolDefinition[] = []) =>
      generate(options, prompt, tools.map(toGeminiTool)),
  };
}
