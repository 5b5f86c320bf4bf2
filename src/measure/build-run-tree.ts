import { fileURLToPath } from 'node:url';

/** One JSON line of the child's events file (see child-scripts.ts). */
export type ChildEvent =
  | { t: 's'; k: 'cjs' | 'esm'; f: string; p?: string; ts: number }
  | { t: 'e' | 'x'; f: string; ts: number }
  | { t: 'begin'; ts: number }
  | { t: 'done'; ts: number; maxRss: number }
  | { t: 'threw'; ts: number; message: string; stack?: string; maxRss: number }
  | { t: 'exit'; ts: number; code: number; explicit: boolean; maxRss: number };

/** One line of the ESM hooks' edges file: `from` resolved `to`, at `ts`. */
export interface ChildEdge {
  from: string;
  to: string;
  ts: number;
}

/** One module as measured in a single run. */
export interface RunModule {
  /** Absolute path (file: URLs are converted). */
  file: string;
  format: 'commonjs' | 'esm';
  selfMs: number;
  cumulativeMs: number;
  failed?: 'threw' | 'timeout' | 'exited';
  /** Files it loaded first, in load order. */
  children: string[];
}

/** What one child process measured. */
export interface RunMeasurement {
  outcome: 'done' | 'threw' | 'exited' | 'timeout';
  /** Files at the top of the tree (normally just the entry), in load order. */
  roots: string[];
  /** Every module loaded, by file, in order of first start. */
  modules: Map<string, RunModule>;
  /** Importer file -> imported files, as seen at runtime. */
  imports: Map<string, string[]>;
  /** Wall-clock ms from just before loading the entry to done (or to the failure). */
  totalMs: number;
  /** Peak RSS in kilobytes, when the child lived to report it. */
  maxRssKb?: number;
  /** The error message when the import threw. */
  errorMessage?: string;
  /** Exit code when a module called process.exit during import. */
  exitCode?: number;
  /** True when the process ended on its own while the entry was still loading (never-settling top-level await). */
  unsettled?: boolean;
  /** The innermost module still loading when the run failed (threw, hung or exited). */
  failedFile?: string;
}

interface OpenRecord {
  file: string;
  format: 'commonjs' | 'esm';
  start: number;
  end?: number;
  threw?: boolean;
  cjsParent?: string;
  /** Stands for an ES module whose body never started; it spans its children. */
  neverRan?: boolean;
}

function toPath(fileOrUrl: string): string {
  return fileOrUrl.startsWith('file:') ? fileURLToPath(fileOrUrl) : fileOrUrl;
}

/**
 * Turns one run's raw events into the import tree: who loaded whom first, with self and
 * cumulative ms. Pure: the child's files are parsed by the caller.
 *
 * CommonJS modules carry their interval (cumulative) and their first importer. ES modules
 * carry only their body interval, so their place in the tree comes from replaying Node's
 * evaluation (depth-first, imports in source order) over the statically resolved edges, and
 * their cumulative time is their body plus their tree children's cumulative time.
 *
 * @param runnerFile the child's runner script, which is not part of the user's graph
 * @param timedOut true when the parent killed the child at its timeout
 */
export function buildRunTree(
  events: ChildEvent[],
  edges: ChildEdge[],
  runnerFile: string,
  timedOut: boolean,
): RunMeasurement {
  const records = new Map<string, OpenRecord>();
  let begin: number | undefined;
  let finish: ChildEvent | undefined;
  let lastTs = 0;
  for (const event of events) {
    lastTs = Math.max(lastTs, event.ts);
    switch (event.t) {
      case 's': {
        const file = toPath(event.f);
        // Before `begin` only preloads run (tsx, our hooks): not part of the user's import.
        if (begin === undefined || file === runnerFile || records.has(file)) break;
        records.set(file, {
          file,
          format: event.k === 'cjs' ? 'commonjs' : 'esm',
          start: event.ts,
          cjsParent: event.p && event.p !== runnerFile ? event.p : undefined,
        });
        break;
      }
      case 'e':
      case 'x': {
        const record = records.get(toPath(event.f));
        if (record && record.end === undefined) {
          record.end = event.ts;
          record.threw = event.t === 'x';
        }
        break;
      }
      case 'begin':
        begin = event.ts;
        break;
      default:
        finish ??= event;
    }
  }

  const outcome: RunMeasurement['outcome'] =
    finish?.t === 'done' ? 'done' : finish?.t === 'threw' ? 'threw' : finish?.t === 'exit' ? 'exited' : timedOut ? 'timeout' : 'exited';
  const failTs = finish?.ts ?? lastTs;

  // The innermost module still open when the run failed is the one whose start is latest
  // among unfinished (or thrown) modules: all of its importers started before it.
  let failedFile: string | undefined;
  if (outcome !== 'done') {
    let latest = -Infinity;
    for (const record of records.values()) {
      if ((record.end === undefined || record.threw) && record.start > latest) {
        latest = record.start;
        failedFile = record.file;
      }
    }
  }

  // Runtime import edges, in resolution order per importer. An ESM edge resolved after its
  // importer's body started is a dynamic import(), which does not decide evaluation order.
  const imports = new Map<string, string[]>();
  const staticEdges = new Map<string, string[]>();
  let entryFile: string | undefined;
  const addTo = (map: Map<string, string[]>, from: string, to: string) => {
    const list = map.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    map.set(from, list);
  };
  for (const edge of edges) {
    const from = toPath(edge.from);
    const to = toPath(edge.to);
    if (from === runnerFile) {
      entryFile ??= to;
      continue;
    }
    addTo(imports, from, to);
    const importer = records.get(from);
    const dynamic = importer !== undefined && importer.format === 'esm' && edge.ts >= importer.start;
    if (!dynamic) addTo(staticEdges, from, to);
  }
  for (const record of records.values()) if (record.cjsParent) addTo(imports, record.cjsParent, record.file);

  // Tree parents: CommonJS knows its first importer; ES modules get theirs from the replay.
  const parent = new Map<string, string | undefined>();
  for (const record of records.values()) if (record.cjsParent && records.has(record.cjsParent)) parent.set(record.file, record.cjsParent);
  const visited = new Set<string>();
  const replay = (file: string) => {
    visited.add(file);
    for (const child of staticEdges.get(file) ?? []) {
      if (visited.has(child)) continue;
      if (!parent.has(child)) parent.set(child, file);
      replay(child);
    }
  };
  entryFile ??= [...records.values()].find((r) => !r.cjsParent)?.file;
  if (entryFile) replay(entryFile);
  // An ES module whose imports ran but whose own body never started (a dependency threw or
  // hung) has no record: give it one spanning its children so the failed branch stays whole.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, importer] of parent) {
      const start = records.get(child)?.start;
      if (!importer || start === undefined) continue;
      const known = records.get(importer);
      if (!known) {
        records.set(importer, { file: importer, format: 'esm', start, neverRan: true });
        grew = true;
      } else if (known.neverRan && start < known.start) {
        known.start = start;
        grew = true;
      }
    }
  }
  for (const [child] of parent) if (!records.has(child)) parent.delete(child);
  // Keep records in order of first start, as the events had them.
  const sortedRecords = [...records.values()].sort((a, b) => a.start - b.start);
  records.clear();
  for (const record of sortedRecords) records.set(record.file, record);
  // Loaded by a dynamic import() (or otherwise unexplained): hang it under its first importer.
  for (const record of records.values()) {
    if (parent.has(record.file) || record.file === entryFile) continue;
    const importer = [...imports.entries()].find(([from, tos]) => tos.includes(record.file) && records.has(from))?.[0];
    if (importer && importer !== record.file) parent.set(record.file, importer);
  }

  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const record of records.values()) {
    const p = parent.get(record.file);
    if (p) children.set(p, [...(children.get(p) ?? []), record.file]);
    else roots.push(record.file);
  }
  // Children in load order: by the time they started.
  for (const list of children.values()) list.sort((a, b) => records.get(a)!.start - records.get(b)!.start);

  const modules = new Map<string, RunModule>();
  const failureOf = (record: OpenRecord): RunModule['failed'] =>
    record.end !== undefined && !record.threw ? undefined : outcome === 'timeout' ? 'timeout' : outcome === 'exited' ? 'exited' : 'threw';
  const compute = (file: string, onPath: Set<string>): RunModule => {
    const known = modules.get(file);
    if (known) return known;
    const record = records.get(file)!;
    onPath.add(file);
    const kids = (children.get(file) ?? []).filter((c) => !onPath.has(c)).map((c) => compute(c, onPath));
    onPath.delete(file);
    const own = (record.end ?? failTs) - record.start;
    // A child that started inside this module's own interval ran nested in it (every CommonJS
    // require, or a require() from an ES module's body); one that started before it is an ES
    // module import, evaluated before the importer's body began. Nested time is part of
    // `own` already; earlier time is not.
    let nestedMs = 0;
    let beforeMs = 0;
    for (const kid of kids) {
      if (records.get(kid.file)!.start >= record.start) nestedMs += kid.cumulativeMs;
      else beforeMs += kid.cumulativeMs;
    }
    const cumulativeMs = own + beforeMs;
    const node: RunModule = {
      file,
      format: record.format,
      selfMs: Math.max(0, own - nestedMs),
      cumulativeMs,
      failed: failureOf(record),
      children: kids.map((k) => k.file),
    };
    modules.set(file, node);
    return node;
  };
  for (const root of roots) compute(root, new Set());
  // Keep the order of first start for the module map.
  const ordered = new Map([...records.keys()].filter((f) => modules.has(f)).map((f) => [f, modules.get(f)!]));

  const maxRss = finish && 'maxRss' in finish ? finish.maxRss : undefined;
  return {
    outcome,
    roots,
    modules: ordered,
    imports,
    totalMs: begin === undefined ? 0 : failTs - begin,
    maxRssKb: maxRss,
    errorMessage: finish?.t === 'threw' ? finish.message : undefined,
    exitCode: finish?.t === 'exit' && finish.explicit ? finish.code : undefined,
    unsettled: finish?.t === 'exit' && !finish.explicit,
    failedFile,
  };
}
