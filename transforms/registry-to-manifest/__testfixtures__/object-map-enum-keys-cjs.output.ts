import { PROVIDER_CLASSES_MANIFEST, withFastProperties } from './models.manifest';

export enum Providers {
  COHERE = 'cohere',
  GEMINI = 'gemini',
}

export const Local = { OLLAMA: 'ollama' } as const;

export const PROVIDER_CLASSES = withFastProperties(PROVIDER_CLASSES_MANIFEST, {
  get cohere() { return PROVIDER_CLASSES_MANIFEST.cohere.load(); },
  get gemini() { return PROVIDER_CLASSES_MANIFEST.gemini.load(); },
  get ollama() { return PROVIDER_CLASSES_MANIFEST.ollama.load(); },
});
