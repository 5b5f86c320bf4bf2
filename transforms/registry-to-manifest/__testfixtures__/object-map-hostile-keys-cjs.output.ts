import { GroqHandler } from './providers/groq';
import type { BaseHandler } from './providers/base';
import { MODEL_PREFIXES_MANIFEST as MODEL_PREFIXES_MANIFEST2, withFastProperties } from './router.manifest';

// The file already uses the manifest's export name for something of its own.
const MODEL_PREFIXES_MANIFEST = 'see docs/models.md';

/** Keys a manifest must write as escaped literals; `__proto__:` sets the prototype and is no key. */
export const MODEL_PREFIXES: Record<string, typeof BaseHandler> = withFastProperties(MODEL_PREFIXES_MANIFEST2, {
  get 'it\'s "quoted"'() { return MODEL_PREFIXES_MANIFEST2['it\'s "quoted"'].load(); },
  get 'a\nb'() { return MODEL_PREFIXES_MANIFEST2['a\nb'].load(); },
  get 'back\\slash'() { return MODEL_PREFIXES_MANIFEST2['back\\slash'].load(); },
  get 'line\u2028sep'() { return MODEL_PREFIXES_MANIFEST2['line\u2028sep'].load(); },
  get constructor() { return MODEL_PREFIXES_MANIFEST2.constructor.load(); },
  '__proto__': GroqHandler,
});

export const docs = MODEL_PREFIXES_MANIFEST;
