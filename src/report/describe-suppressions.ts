import type { SuppressionSummary } from '../findings/apply-suppressions.js';

/** True when nothing was left out, so reports need not mention suppressions at all. */
export function nothingSuppressed(summary: SuppressionSummary | undefined): boolean {
  return !summary || Object.values(summary).every((n) => n === 0);
}

/** `2 ignored by config, 1 by lazify-ignore comments, 5 in the baseline`: what a report says about the findings it does not list. */
export function describeSuppressions(summary: SuppressionSummary): string {
  const parts = [
    summary.ignoreRule ? `${summary.ignoreRule} ignored by config rules` : '',
    summary.inlineComment ? `${summary.inlineComment} by lazify-ignore comments` : '',
    summary.baseline ? `${summary.baseline} already in the baseline` : '',
    summary.kindOff ? `${summary.kindOff} of kinds turned off` : '',
    summary.minSaving ? `${summary.minSaving} below minSaving` : '',
  ].filter(Boolean);
  const fixed = summary.fixedSinceBaseline
    ? `${summary.fixedSinceBaseline} baseline entr${summary.fixedSinceBaseline === 1 ? 'y is' : 'ies are'} fixed (--update-baseline drops ${summary.fixedSinceBaseline === 1 ? 'it' : 'them'})`
    : '';
  const total = summary.ignoreRule + summary.inlineComment + summary.baseline + summary.kindOff + summary.minSaving;
  return [total ? `${total} finding${total === 1 ? '' : 's'} not listed: ${parts.join(', ')}` : '', fixed].filter(Boolean).join('; ');
}
