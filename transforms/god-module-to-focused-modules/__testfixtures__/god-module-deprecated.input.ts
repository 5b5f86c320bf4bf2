// Everything shared ended up here.
import { loadEngine } from './tokenizer-engine';
import { lookupProvider } from './registry';
import type { ProviderInfo } from './registry';

// ---- tokenization ----

/** Loaded when the module loads. */
export const engine = loadEngine('small');

function encode(text: string): number[] {
  return engine.encode(text);
}

export function countTokens(text: string): number {
  return clamp(encode(text).length, 0, 1_000_000);
}

// ---- pricing ----

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
}

export type PriceTable = Record<string, Price>;

const PRICES: PriceTable = { small: { input: 1, output: 2 } };

export function priceOf(model: string): Price | undefined {
  return PRICES[model];
}

export function cost(model: string, tokens: number): number {
  const price = priceOf(model);
  return price ? clamp(tokens * price.input, 0, Number.MAX_SAFE_INTEGER) / 1e6 : 0;
}

// Used by both tokenization and pricing: goes to the shared module.
function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

// ---- provider lookup (imports the registry: a cycle through the providers) ----

export function providerFor(model: string): ProviderInfo {
  return lookupProvider(model);
}

export { formatUsd as formatDollars };
