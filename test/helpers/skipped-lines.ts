import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * What a plan left out, one string per diagnostic: `code id: message`, the id the operation's or
 * else the finding's. Tests match these to assert why (the code), of what and the wording at once.
 */
export function skippedLines(skipped: readonly Diagnostic[]): string[] {
  return skipped.map((d) => `${d.code} ${d.operation ?? d.finding}: ${d.message}`);
}
