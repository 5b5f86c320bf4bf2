import { modelRef } from 'genkit/model';
import { gemini } from './gemini.js';

// The shape of @genkit-ai/googleai's index.ts: a function declares its own `modelRef`, which
// shadows the imported one there, while another function calls the import.
function resolveModel(name: string) {
  const modelRef = gemini(name);
  return { name: modelRef.name, info: { ...modelRef.info } };
}

export function model(name: string, config?: unknown) {
  return modelRef({ name: `googleai/${name}`, config });
}

export function listed(names: string[]) {
  return names.map((modelRef) => modelRef.toUpperCase()).concat(resolveModel('x').name);
}
