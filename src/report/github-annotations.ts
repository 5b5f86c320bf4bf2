import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding } from '../findings/finding.js';
import { FINDING_KIND_DOCS } from '../findings/finding-kinds.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { rankFindings } from './rank-findings.js';

/** One GitHub Actions workflow command that annotates a file in the run's summary and the pull request. */
export interface GithubAnnotation {
  level: 'error' | 'warning' | 'notice';
  /** Path relative to the repository checkout (GITHUB_WORKSPACE). */
  file?: string;
  line?: number;
  column?: number;
  title?: string;
  message: string;
}

/** Where annotation paths start: the package root relative to the checkout, forward slashes (`packages/gateway`). */
export interface AnnotationOptions {
  pathPrefix?: string;
}

// GitHub's workflow-command escaping (as @actions/core does it): data escapes %, CR and LF;
// a property value also `:` and `,`, which would end it.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The annotations as `::warning file=…,line=…,col=…,title=…::message` lines. */
export function renderGithubAnnotations(annotations: readonly GithubAnnotation[]): string {
  return annotations
    .map((a) => {
      const properties = [
        a.file !== undefined ? `file=${escapeProperty(a.file)}` : undefined,
        a.line !== undefined ? `line=${a.line}` : undefined,
        a.column !== undefined ? `col=${a.column}` : undefined,
        a.title !== undefined ? `title=${escapeProperty(a.title)}` : undefined,
      ].filter((p): p is string => p !== undefined);
      return `::${a.level}${properties.length ? ` ${properties.join(',')}` : ''}::${escapeData(a.message)}\n`;
    })
    .join('');
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

function inRepository(file: string, options: AnnotationOptions): string {
  return options.pathPrefix ? posix.join(options.pathPrefix, file) : file;
}

/**
 * One annotation per finding, worst first: an error when it fails the `failOn` gate (so the
 * annotation that fails the job is the one shown as an error), else a warning, a notice for low.
 */
export function findingAnnotations(findings: readonly Finding[], options: AnnotationOptions & { failOn?: Finding['severity'] } = {}): GithubAnnotation[] {
  return rankFindings(findings).map((f) => {
    const gate = options.failOn !== undefined && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[options.failOn];
    const saving = f.cost.exclusiveBytes > 0 ? ` (saves ${formatBytes(f.cost.exclusiveBytes)}, ${plural(f.cost.exclusiveModules, 'module')})` : '';
    return {
      level: gate ? 'error' : f.severity === 'low' ? 'notice' : 'warning',
      file: inRepository(f.file, options),
      line: f.line,
      title: `lazify ${f.severity}: ${FINDING_KIND_DOCS[f.kind].title}${f.symbol ? ` ${f.symbol}` : ''}${saving}`,
      message: f.message,
    };
  });
}

/** One annotation per diagnostic: error, warning, notice (info). */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[], options: AnnotationOptions = {}): GithubAnnotation[] {
  return diagnostics.map((d) => ({
    level: d.severity === 'info' ? 'notice' : d.severity,
    ...(d.file ? { file: inRepository(d.file, options) } : {}),
    ...(d.file && d.line ? { line: d.line } : {}),
    ...(d.file && d.line && d.column ? { column: d.column } : {}),
    title: `lazify ${d.code}`,
    message: d.message,
  }));
}
