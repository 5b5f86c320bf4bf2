// One stage run in a fresh process: `node dist/bench/plan-apply-child.js '<request JSON>'`.
// Loads lazify first and times only the call (analyze(), plan() or a dry-run apply()), so the
// three stages are compared on the same footing; the parent records the whole process too. Each
// call starts from nothing (`cacheDir: false`): plan and apply analyse as part of their work, and a
// kept analysis would let analyze alone skip its own.

/** What the parent asks a child to run. */
export interface PlanApplyChildRequest {
  stage: 'analyze' | 'plan' | 'apply';
  /** Absolute project directory. */
  dir: string;
}

/** The child's answer, printed as the last line of stdout. */
export interface PlanApplyChildResult {
  /** Wall time of the call alone. */
  ms: number;
  /** CPU time (user + system) of the call. */
  cpuMs: number;
  /** Operations planned (plan, apply), or findings (analyze). */
  count: number;
  /** apply: files the dry run would change. */
  changed?: number;
}

interface Api {
  analyze(dir: string, options: { cacheDir: false }): Promise<{ findings: unknown[] }> | { findings: unknown[] };
  plan(dir: string, options: { cacheDir: false }): Promise<{ plan: { operations: unknown[] } }>;
  apply(dir: string, options: { dryRun: boolean; cacheDir: false }): Promise<{ plan: { operations: unknown[] }; changes: unknown[] }>;
}

const request = JSON.parse(process.argv[2] ?? '{}') as PlanApplyChildRequest;
// Computed specifier: the bench builds even when the public API changes shape.
const api = (await import(new URL('../src/index.js', import.meta.url).href)) as Api;
const cpuStart = process.cpuUsage();
const start = performance.now();
let count: number;
let changed: number | undefined;
if (request.stage === 'analyze') count = (await api.analyze(request.dir, { cacheDir: false })).findings.length;
else if (request.stage === 'plan') count = (await api.plan(request.dir, { cacheDir: false })).plan.operations.length;
else {
  const result = await api.apply(request.dir, { dryRun: true, cacheDir: false });
  count = result.plan.operations.length;
  changed = result.changes.length;
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const result: PlanApplyChildResult = { ms, cpuMs: (cpu.user + cpu.system) / 1000, count, ...(changed === undefined ? {} : { changed }) };
console.log(JSON.stringify(result));
