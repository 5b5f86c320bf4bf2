import type { TransformSummary } from '../pipeline/results.js';
import type { ReportOutput } from './report-output.js';

/** `lazify transforms`: each transform, its phase, what it does and its options; or the same as JSON. */
export function renderTransformsReport(transforms: TransformSummary[], format: 'text' | 'json'): ReportOutput {
  if (format === 'json') return { output: `${JSON.stringify({ schemaVersion: 1, transforms }, null, 2)}\n`, exitCode: 0 };
  const lines: string[] = [];
  for (const transform of transforms) {
    lines.push(`${transform.name} (${transform.phase})`, `  ${transform.description}`);
    const width = Math.max(0, ...transform.options.map((o) => o.name.length + (o.required ? 11 : 0)));
    for (const option of transform.options) {
      const name = option.required ? `${option.name} (required)` : option.name;
      lines.push(`    ${name.padEnd(width)}  ${option.description}`);
    }
    lines.push('');
  }
  lines.push('Each runs on its own too: npx jscodeshift -t dist/transforms/<name>/index.js --parser=ts <files> --<option>=<value>');
  return { output: `${lines.join('\n')}\n`, exitCode: 0 };
}
