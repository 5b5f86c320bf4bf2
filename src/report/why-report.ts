import { createColors } from 'picocolors';
import type { WhyResult } from '../run-analysis.js';
import { formatBytes, plural } from '../messages/format-size.js';
import type { ReportOutput } from './report-output.js';

/** `lazify why` as text: one line per chain, `file:line` at each import. Exit 1 when nothing reaches the module. */
export function renderWhyReport(result: WhyResult, options: { color?: boolean; format?: 'text' | 'json' } = {}): ReportOutput {
  const exitCode = result.chains.length > 0 ? 0 : 1;
  if (options.format === 'json') {
    const { root, entry, target, chains, exclusiveBytes, exclusiveModules, diagnostics } = result;
    return {
      output: JSON.stringify({ schemaVersion: 1, root, entry, target, exclusiveBytes, exclusiveModules, chains, diagnostics }, null, 2) + '\n',
      exitCode,
    };
  }
  const c = createColors(options.color ?? false);
  const lines: string[] = [];
  const eager = result.chains.filter((chain) => chain.eager).length;
  if (result.chains.length === 0) {
    lines.push(`${result.target} is not reachable from ${result.entry}`);
  } else {
    const how = eager > 0 ? c.red('eagerly') : c.green('only lazily');
    lines.push(
      `${c.bold(result.target)} is loaded ${how} from ${result.entry}` +
        (result.exclusiveBytes > 0 ? ` and alone keeps ${formatBytes(result.exclusiveBytes)} (${plural(result.exclusiveModules, 'module')}) loaded` : '') +
        `; shortest chains:`,
    );
    for (const chain of result.chains) {
      const parts = chain.steps.map((s) => `${c.cyan(`${s.from}:${s.line}`)} ${c.dim(s.lazy ? `-(${s.kind})->` : '->')}`);
      lines.push(`  ${parts.join(' ')} ${result.target}${chain.eager ? '' : c.dim('  (lazy)')}`);
    }
  }
  return { output: lines.join('\n') + '\n', exitCode };
}
