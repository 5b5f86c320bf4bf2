import { CohereProvider } from './providers/cohere';
import { GeminiProvider } from './providers/gemini';
import { OllamaProvider } from './providers/ollama';

export enum Providers {
  COHERE = 'cohere',
  GEMINI = 'gemini',
}

export const Local = { OLLAMA: 'ollama' } as const;

export const PROVIDER_CLASSES = {
  [Providers.COHERE]: CohereProvider,
  [Providers['GEMINI']]: GeminiProvider,
  [Local.OLLAMA]: OllamaProvider,
};
