/**
 * A plan is JSON a user can read and edit, then hand back with `lazify apply --plan FILE`.
 * Each operation names one transform in transforms/ and carries exactly the options that
 * transform takes, so the same operation can be run with the jscodeshift CLI.
 */
export interface Plan {
  schemaVersion: 1;
  /** Project root the paths are relative to (informational; apply uses its own dir). */
  root: string;
  operations: PlanOperation[];
}

/** One operation: which transform, on which files, with which options. */
export interface PlanOperation {
  /** Stable id, usually the id of the finding it comes from. */
  id: string;
  /** The transform's name, matching its folder or file in transforms/ (e.g. `god-module-to-focused-modules`). */
  transform: string;
  /** Human summary for the printed plan. */
  summary: string;
  /** Files (relative to the root) the operation reads or changes. */
  files: string[];
  /** Options for the transform; JSON only. */
  options: Record<string, unknown>;
  /**
   * Operations this one saves anything only with (factories in other modules over the same
   * providers): apply leaves it out when one of them is not applied.
   */
  together?: string[];
}
