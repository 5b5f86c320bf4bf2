import type { HandlerClass } from './registry.js';
import { MODEL_PREFIXES_MANIFEST, withFastProperties } from './router.manifest.js';

export const MODEL_PREFIXES: Record<string, HandlerClass> = withFastProperties(MODEL_PREFIXES_MANIFEST, {
  get 'gpt-'() { return MODEL_PREFIXES_MANIFEST['gpt-'].load(); },
  get 'claude-'() { return MODEL_PREFIXES_MANIFEST['claude-'].load(); },
});
