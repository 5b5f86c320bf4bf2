import { MODEL_PREFIXES } from './router.js';
import type { HandlerOptions } from './types.js';

export async function handlerFor(prefix: string, options: HandlerOptions) {
  const handlerClass = await MODEL_PREFIXES[prefix]!();
  return new handlerClass(options);
}

export async function direct(prefix: string) {
  return new ((await MODEL_PREFIXES[prefix]?.()))({});
}

export function prefixes(): string[] {
  return Object.keys(MODEL_PREFIXES);
}
