import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgressListener } from '../diagnostics/progress.js';
import type { CpuProfile } from './cpu-profile.js';

/**
 * One module in the import-time tree, like a line of Python's `-X importtime`.
 * A module appears once, under the module that loaded it first; later importers hit the cache.
 */
export interface ImportTimeNode {
  /**
   * Display id: local modules relative to the project root, mapped from build output back to
   * the source (`src/utils.ts`); packages as `name/path/in/package.js`.
   */
  id: string;
  /** Absolute path of the file that actually ran (e.g. `dist/utils.js` for `src/utils.ts`). */
  file: string;
  kind: 'local' | 'external';
  /** Package name for external modules (`openai`, `@anthropic-ai/sdk`). */
  package?: string;
  format: 'commonjs' | 'esm';
  /** Median over the runs of the time spent evaluating the module's own body, in ms. */
  selfMs: number;
  /** Median over the runs of the module plus everything it loaded first, in ms. */
  cumulativeMs: number;
  /** Interquartile range of `cumulativeMs` over the runs, in ms. */
  cumulativeIqrMs: number;
  /** Set when the module's body did not finish: it threw, hung or exited the process. */
  failed?: 'threw' | 'timeout' | 'exited';
  /** Modules this one loaded first, in load order. */
  children: ImportTimeNode[];
  /**
   * What the module's self time went to, costliest first, from a CPU profile of the import:
   * calls its top level made and its own lines (absent when no profile was taken).
   */
  topLevel?: TopLevelCost[];
}

/**
 * One part of a module's self time: a call its top level made, its own code on a line, or (for
 * the entry of an ES module graph that `require()` loaded) loading and linking that graph.
 */
export type TopLevelCost =
  | {
      kind: 'call';
      /** The function called (`getEncoding`). */
      call: string;
      /** Where the called function is defined, as a module id (`js-tiktoken/dist/index.cjs`). */
      callee?: string;
      /** 1-based line of the call in `file` (the file that ran: build output when a build ran). */
      line?: number;
      /** Share of the module's median self time, in ms. */
      ms: number;
    }
  | {
      kind: 'code';
      /** 1-based line in `file`. */
      line?: number;
      ms: number;
    }
  | {
      kind: 'esm-graph';
      /** ES modules of the graph (children of this node in the tree). */
      modules: number;
      /** Resolving, reading, linking, outside any module's body. */
      ms: number;
    };

/** The result of `measure()`: median import time per module over N fresh processes. */
export interface ImportTimeResult {
  /** Absolute project root. */
  root: string;
  /** The entry that was loaded, relative to the root (the file that ran, e.g. `dist/index.js`). */
  entry: string;
  /** How the child ran it: `node` or `node --import tsx`, and `require` or `import`. */
  runner: { tsx: boolean; mode: 'require' | 'import' };
  /** Number of runs (fresh processes) that completed and were aggregated. */
  runs: number;
  /** Median wall-clock time of loading the entry in the child, in ms. */
  totalMs: number;
  /** Each run's total, in run order. */
  runTotalsMs: number[];
  /** Interquartile range of the totals, in ms. */
  totalIqrMs: number;
  /**
   * Median total of the runs with the ESM timing hooks, when it differs from `totalMs`: with ES
   * modules, `totalMs` comes from paired runs without hooks, which slow loading (not bodies).
   */
  instrumentedTotalMs?: number;
  /**
   * Part of the total not inside any module's body: for ESM, fetching, parsing and linking
   * that happen before evaluation (and the loader hooks' own overhead); for CommonJS, resolving
   * the entry. Median, in ms.
   */
  unattributedMs: number;
  /** Number of modules loaded (first run), local plus external; builtins excluded. */
  moduleCount: number;
  /** Median peak resident set size of the child process (process.resourceUsage().maxRSS), bytes. */
  maxRssBytes: number;
  /** The tree, rooted at the entry (more roots only when something was loaded outside it). */
  tree: ImportTimeNode[];
  /** Module graph seen at runtime: for each module id, the ids it imported (first loads and ESM cache hits). */
  imports: Record<string, string[]>;
  /** Threw / timed out / exited at import, noisy measurement, TypeScript run through tsx ... */
  diagnostics: Diagnostic[];
  /**
   * The V8 CPU profile of the profiled run, as `node --cpu-prof` wrote it (with `keepCpuProfile`
   * only: it is large). Loads in Chrome DevTools' Performance panel.
   */
  cpuProfile?: CpuProfile;
}

/** Options of `measure()`. */
export interface MeasureOptions {
  /** Fresh processes to run (default 5). */
  runs?: number;
  /** Milliseconds before a run is killed (default 30 000). */
  timeoutMs?: number;
  /** Run TypeScript sources through tsx even when a build output exists. */
  tsx?: boolean;
  /**
   * One more run under the CPU profiler, to split self time into top-level calls and lines and
   * to break an ES module graph loaded by `require()` into its modules (default true).
   */
  profile?: boolean;
  /** Keep the profiled run's V8 CPU profile in the result (`cpuProfile`), for `--format cpuprofile`. */
  keepCpuProfile?: boolean;
  /** Told when each run starts, for a progress display; the measurement itself never prints. */
  onProgress?: ProgressListener;
}
