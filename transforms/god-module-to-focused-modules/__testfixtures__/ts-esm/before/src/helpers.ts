// A god-module in native ESM: `.js` specifiers, type-only imports, an enum and a class.
import type { Options } from './options.js';
import { DEFAULTS } from './options.js';

export enum Level {
  Low,
  High,
}

export type Formatter = (value: string) => string;

export class Slugger {
  slug(text: string): string {
    return normalize(text).replace(/\s+/g, '-');
  }
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

export function shout(text: string, options: Options = DEFAULTS): string {
  return options.loud ? normalize(text).toUpperCase() : normalize(text);
}

export const identity: Formatter = (value) => value;

export function levelOf(text: string): Level {
  return text.length > 10 ? Level.High : Level.Low;
}

// An import the module re-exports as it is: the shim keeps exporting it.
export { DEFAULTS as HELPER_DEFAULTS };
