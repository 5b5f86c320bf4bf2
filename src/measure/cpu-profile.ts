// The V8 CPU profile format, on its own: the measure results carry a profile and the profiler
// reads one, so neither of those modules can hold it without importing the other.

/** One node of a V8 CPU profile's call tree. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  hitCount?: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
}
/**
 * A V8 CPU profile as `node --cpu-prof` writes it (the `.cpuprofile` format Chrome DevTools and
 * speedscope load): the call tree, and which node each sample hit, µs apart.
 */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, on the profiler's clock. */
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
}
