import { createColors } from 'picocolors';
import type { WhyResult } from '../pipeline/results.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { code } from './markdown-text.js';
import type { ReportOutput } from './report-output.js';
import { indentWrapped } from './wrap-lines.js';

/** Version of `why --format json`'s shape (docs/json-schema.md). */
export const WHY_JSON_SCHEMA_VERSION = 1;

/** `lazify why` as text, markdown or JSON: one line per chain, `file:line` at each import. Exit 1 when nothing reaches the module. */
export function renderWhyReport(result: WhyResult, options: { color?: boolean; format?: 'text' | 'json' | 'markdown'; width?: number } = {}): ReportOutput {
  const exitCode = result.chains.length > 0 ? 0 : 1;
  if (options.format === 'json') {
    const { root, entry, target, chains, exclusiveBytes, exclusiveModules, diagnostics } = result;
    return {
      output: JSON.stringify({ schemaVersion: WHY_JSON_SCHEMA_VERSION, root, entry, target, exclusiveBytes, exclusiveModules, chains, diagnostics }, null, 2) + '\n',
      exitCode,
    };
  }
  const eager = result.chains.filter((chain) => chain.eager).length;
  const keeps = result.exclusiveBytes > 0 ? ` and alone keeps ${formatBytes(result.exclusiveBytes)} (${plural(result.exclusiveModules, 'module')}) loaded` : '';
  if (options.format === 'markdown') {
    const lines = [`### lazify why: ${code(result.target)}`, ''];
    if (result.chains.length === 0) lines.push(`${code(result.target)} is not reachable from ${code(result.entry)}.`);
    else {
      lines.push(`${code(result.target)} is loaded **${eager > 0 ? 'eagerly' : 'only lazily'}** from ${code(result.entry)}${keeps}. Shortest chains:`, '');
      for (const chain of result.chains) {
        const steps = chain.steps.map((s) => `${code(`${s.from}:${s.line}`)} ${s.lazy ? `→ (${s.kind})` : '→'}`);
        lines.push(`1. ${steps.join(' ')} ${code(result.target)}${chain.eager ? '' : ' (lazy)'}`);
      }
    }
    return { output: `${lines.join('\n')}\n`, exitCode };
  }
  const c = createColors(options.color ?? false);
  const lines: string[] = [];
  if (result.chains.length === 0) {
    lines.push(`${result.target} is not reachable from ${result.entry}`);
  } else {
    const how = eager > 0 ? c.red('eagerly') : c.green('only lazily');
    lines.push(...indentWrapped(`${c.bold(result.target)} is loaded ${how} from ${result.entry}${keeps}; shortest chains:`, 0, options.width));
    for (const chain of result.chains) {
      const parts = chain.steps.map((s) => `${c.cyan(`${s.from}:${s.line}`)} ${c.dim(s.lazy ? `-(${s.kind})->` : '->')}`);
      lines.push(...indentWrapped(`${parts.join(' ')} ${result.target}${chain.eager ? '' : c.dim('  (lazy)')}`, 2, options.width));
    }
  }
  return { output: lines.join('\n') + '\n', exitCode };
}
