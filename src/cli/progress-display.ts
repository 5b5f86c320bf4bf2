import type { ProgressEvent, ProgressListener } from '../api/errors.js';

/** A stage shows progress only once it has run this long: quick runs stay quiet. */
const SHOW_AFTER_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 100;

/**
 * Progress on stderr for stages that take over a second (`building the module graph 120/340`),
 * redrawn in place on one line and cleared before the report prints. Only on a terminal, never
 * in CI (CI set) or with --quiet: there, no listener at all.
 */
export function progressDisplay(options: { quiet?: boolean; stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv } = {}): { listener?: ProgressListener; clear: () => void } {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  if (options.quiet || ci || !stream.isTTY) return { clear: () => {} };
  let stage = '';
  let stageStart = 0;
  let lastDraw = 0;
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const listener = (event: ProgressEvent) => {
    const now = Date.now();
    if (event.stage !== stage) {
      stage = event.stage;
      stageStart = now;
    }
    if (event.end) return clear();
    if (now - stageStart < SHOW_AFTER_MS || now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    const count = event.done !== undefined && event.total !== undefined ? ` ${event.done}/${event.total}` : '';
    const text = `lazify: ${event.label}${count}…`;
    const width = stream.columns ?? 80;
    stream.write(`\r\x1b[2K${text.length >= width ? `${text.slice(0, width - 2)}…` : text}`);
    shown = true;
  };
  process.once('exit', clear);
  return { listener, clear };
}
