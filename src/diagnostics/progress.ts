/**
 * How far a long stage has got. The core never prints: stages that can take seconds (building the
 * graph, reading facts, measuring, type checking, verifying) call an `onProgress` listener the
 * caller passed, and the CLI decides whether and how to show it.
 */
export interface ProgressEvent {
  /** A stable name for the stage (`graph`, `facts`, `measure`, `typecheck`, `verify`). */
  stage: string;
  /** What the stage is doing, in words (`building the module graph`). */
  label: string;
  /** Items done so far (files, runs, steps). */
  done?: number;
  /** Items in all, when known. */
  total?: number;
  /** Set on the stage's last event: it finished. */
  end?: boolean;
}

/** Receives progress events; must not throw. */
export type ProgressListener = (event: ProgressEvent) => void;
