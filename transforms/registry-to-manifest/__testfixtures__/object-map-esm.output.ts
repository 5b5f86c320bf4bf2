import type { HandlerClass } from './registry.js';
import { MODEL_PREFIXES_MANIFEST } from './router.manifest.js';

export const MODEL_PREFIXES: Record<string, () => Promise<HandlerClass>> = {
  'gpt-': () => MODEL_PREFIXES_MANIFEST['gpt-'].load(),
  'claude-': () => MODEL_PREFIXES_MANIFEST['claude-'].load(),
};
