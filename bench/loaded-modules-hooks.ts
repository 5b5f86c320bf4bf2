// Loader hooks of record-loaded-modules.ts (Node's hooks thread): one line per loaded module.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let output = '';

export function initialize(data: { output: string }): void {
  output = data.output;
}

export async function load(
  url: string,
  context: unknown,
  nextLoad: (url: string, context: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (url.startsWith('file:')) appendFileSync(output, `${fileURLToPath(url)}\n`);
  return nextLoad(url, context);
}
