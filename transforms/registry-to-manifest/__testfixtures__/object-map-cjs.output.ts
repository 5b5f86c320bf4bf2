import type { AnthropicHandler } from './providers/anthropic';
import type { BaseHandler } from './providers/base';
import { helper } from './helper';
import { MODEL_PREFIXES_MANIFEST, withFastProperties } from './router.manifest';

/** Model-name prefixes and the handler that serves them. */
export const MODEL_PREFIXES: Record<string, typeof BaseHandler> = withFastProperties(MODEL_PREFIXES_MANIFEST, {
  get 'claude-'() { return MODEL_PREFIXES_MANIFEST['claude-'].load(); },
  get 'gpt-'() { return MODEL_PREFIXES_MANIFEST['gpt-'].load(); },
  get o1() { return MODEL_PREFIXES_MANIFEST.o1.load(); },
});

export function handlerFor(model: string): typeof BaseHandler | undefined {
  helper();
  const prefix = Object.keys(MODEL_PREFIXES).find((p) => model.startsWith(p));
  return prefix ? MODEL_PREFIXES[prefix] : undefined;
}

export function isAnthropic(h: unknown): h is AnthropicHandler {
  return h instanceof Object;
}
