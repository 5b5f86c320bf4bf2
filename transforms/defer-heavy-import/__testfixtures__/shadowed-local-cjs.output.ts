import { gemini } from './gemini.js';

// lazify: loaded on first use instead of at import.
let loadedModel: typeof import('genkit/model') | undefined,
  loadModel = (): typeof import('genkit/model') =>
    loadedModel === undefined ? (loadedModel = require('genkit/model')) : loadedModel;

// The shape of @genkit-ai/googleai's index.ts: a function declares its own `modelRef`, which
// shadows the imported one there, while another function calls the import.
function resolveModel(name: string) {
  const modelRef = gemini(name);
  return { name: modelRef.name, info: { ...modelRef.info } };
}

export function model(name: string, config?: unknown) {
  const { modelRef } = loadModel();
  return modelRef({ name: `googleai/${name}`, config });
}

export function listed(names: string[]) {
  return names.map((modelRef) => modelRef.toUpperCase()).concat(resolveModel('x').name);
}
