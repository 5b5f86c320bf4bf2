// Stands in for a heavy tokenizer package: costly to load.
export function loadEngine(name: string): { encode(text: string): number[] } {
  return { encode: (text) => Array.from(text, (c) => c.charCodeAt(0) % 7) };
}
