// `npm run bench`: lazify's own start-up, the analyze benchmark, the import-time benchmark, then the hot-path
// benchmark. Figures go to stdout, progress to stderr. Runs default to 3 (analyze) and 5 (import time, hot path): a full
// run takes many minutes. Options: --only startup|analyze|plan-apply|import|hot-path, --runs N, --sizes 1000,5000,10000, --keep (temp copies).
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAnalyze } from './analyze-speed.js';
import { benchHotPath } from './hot-path.js';
import { benchImportTime } from './import-time.js';
import { benchPlanApply } from './plan-apply-speed.js';
import { benchStartup } from './startup.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ONLY = ['startup', 'analyze', 'plan-apply', 'import', 'hot-path'];
const USAGE = `usage: npm run bench -- [--only ${ONLY.join('|')}] [--runs N] [--sizes 1000,5000,10000] [--keep]`;
let parsed;
try {
  parsed = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string' },
      sizes: { type: 'string', default: '1000,5000,10000' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.only !== undefined && !ONLY.includes(values.only)) {
  console.error(`--only must be one of ${ONLY.join(', ')}, got ${values.only}`);
  process.exit(2);
}
const progress = (line: string) => process.stderr.write(`${line}\n`);
const runsOption = values.runs === undefined ? undefined : Number(values.runs);
if (runsOption !== undefined && !(Number.isInteger(runsOption) && runsOption > 0)) {
  console.error(`--runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((s) => !Number.isInteger(s) || s < 20)) {
  console.error(`--sizes must be integers >= 20, got ${values.sizes}`);
  process.exit(2);
}

// The load average is printed because these figures come from a machine others share: a load
// well above the core count means wall times are mostly waiting for a core.
const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`lazify bench, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadAverage()}\n`);
if (values.only === undefined || values.only === 'startup') {
  console.log(benchStartup({ repoRoot, runs: runsOption ?? 10, progress }));
  console.log();
}
if (values.only === undefined || values.only === 'analyze') {
  console.log(benchAnalyze({ repoRoot, runs: runsOption ?? 3, sizes, progress }));
  console.log();
}
if (values.only === undefined || values.only === 'plan-apply') {
  // One size by default: plan and apply of the larger gateways take minutes per run.
  const planSizes = values.sizes === '1000,5000,10000' ? [1000] : sizes;
  console.log(await benchPlanApply({ repoRoot, runs: runsOption ?? 1, sizes: planSizes, keep: values.keep, progress }));
  console.log();
}
if (values.only === undefined || values.only === 'import') {
  console.log(await benchImportTime({ repoRoot, runs: runsOption ?? 5, keep: values.keep, progress }));
  console.log();
}
if (values.only === undefined || values.only === 'hot-path') {
  console.log(await benchHotPath({ repoRoot, runs: runsOption ?? 5, keep: values.keep, progress }));
}
console.log(`\nload average at the end: ${loadAverage()}`);
