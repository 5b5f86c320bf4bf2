import {
  FunctionCallingMode,
  GoogleGenerativeAI,
  SchemaType,
  type FunctionDeclaration,
  type Schema,
  type Tool,
} from '@google/generative-ai';
import { handleContextCache } from './context-caching/index.js';
import type { PluginOptions } from './index.js';

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, 'string' | 'number' | 'boolean'>;
}

/** A tool definition as the Gemini API declares it. */
export function toGeminiTool(tool: ToolDefinition): FunctionDeclaration {
  const properties: Record<string, Schema> = {};
  for (const [name, type] of Object.entries(tool.parameters)) {
    const schemaType =
      SchemaType[type.toUpperCase() as keyof typeof SchemaType];
    properties[name] = { type: schemaType } as Schema;
  }
  return {
    name: tool.name,
    description: tool.description,
    parameters: { type: SchemaType.OBJECT, properties },
  };
}

function toFunctionMode(mode: 'auto' | 'any' | 'none'): FunctionCallingMode {
  switch (mode) {
    case 'any':
      return FunctionCallingMode.ANY;
    case 'none':
      return FunctionCallingMode.NONE;
    default:
      return FunctionCallingMode.AUTO;
  }
}

export async function generate(
  options: PluginOptions,
  prompt: string,
  declarations: FunctionDeclaration[]
): Promise<string> {
  if (!options.apiKey) {
    throw new Error('Please pass in the API key or set GEMINI_API_KEY.');
  }
  const tools: Tool[] = [{ functionDeclarations: declarations }];
  const cachedContent = options.cache
    ? await handleContextCache(options.apiKey, {
        model: 'models/gemini-1.5-flash-001',
        displayName: 'prompt',
        contents: [{ role: 'user', parts: [{ text: prompt }] }],
      })
    : undefined;
  const client = new GoogleGenerativeAI(options.apiKey);
  const model = cachedContent
    ? client.getGenerativeModelFromCachedContent(cachedContent)
    : client.getGenerativeModel({ model: 'gemini-1.5-flash' });
  const result = await model.generateContent({
    contents: [{ role: 'user', parts: [{ text: prompt }] }],
    tools,
    toolConfig: {
      functionCallingConfig: { mode: toFunctionMode('auto') },
    },
  });
  return result.response.text();
}
