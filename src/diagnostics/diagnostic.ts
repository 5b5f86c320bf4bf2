/**
 * One diagnostic shape for every stage: what went wrong or looks odd, and where.
 * Stages collect diagnostics and keep going; only {@link LazifyError}s stop a run.
 */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `parse-error`, `unresolved-import`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** One sentence that names the problem and, where it can, what the user can do. */
  message: string;
  /** Path relative to the project root, with forward slashes. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The finding it is about (plan and apply: a finding that got no operation, or part of one). */
  finding?: string;
  /** The plan operation it is about (apply: its notes, its failure; plan: a conflict). */
  operation?: string;
}

/**
 * A known, user-caused error (bad config, missing entry, unparsable input).
 * The CLI prints `message` as one line on stderr and exits with code 2, no stack.
 * Anything that is not a LazifyError is a bug and keeps its stack.
 */
export class LazifyError extends Error {
  readonly code: string;
  readonly file?: string;
  constructor(code: string, message: string, file?: string) {
    super(message);
    this.name = 'LazifyError';
    this.code = code;
    this.file = file;
  }
}

/** True for errors the CLI reports as one line with exit code 2. */
export function isLazifyError(error: unknown): error is LazifyError {
  return error instanceof LazifyError;
}
