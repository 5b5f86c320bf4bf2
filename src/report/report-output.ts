/** What every reporter returns: the text to print and the exit code the CLI should set. */
export interface ReportOutput {
  output: string;
  exitCode: number;
  /**
   * Errors to print on stderr, not in the report: a measurement that failed, say. The CLI
   * writes them there whatever the format, so a reader of stdout never takes an error for a result.
   */
  errors?: string;
}

/** Output formats of `lazify analyze`. */
export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif';

export interface ReportOptions {
  /** ANSI colours (text format only); the CLI turns them on when stdout is a TTY. */
  color?: boolean;
  /** Exit with code 1 when a finding of this severity or worse exists (default: never). */
  failOn?: 'high' | 'medium' | 'low';
  /** Most findings to list in text and markdown (default 20; JSON lists all). */
  maxFindings?: number;
  /** lazify's version, for formats that name the tool (SARIF). */
  toolVersion?: string;
  /** Wrap text lines at this many columns (text format; default: no wrapping). */
  width?: number;
}
