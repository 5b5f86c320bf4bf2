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
  const commandStart = Date.now();
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
    // A stage without counts (a type check, a build) says nothing more until it ends, and may
    // block the event loop meanwhile: it shows at once when the command is already slow.
    const counted = event.done !== undefined && event.total !== undefined;
    const slow = counted ? now - stageStart >= SHOW_AFTER_MS : now - commandStart >= SHOW_AFTER_MS;
    if (!slow || (counted && now - lastDraw < REDRAW_MS)) return;
    lastDraw = now;
    const count = counted ? ` ${event.done}/${event.total}` : '';
    // On a narrow terminal the label is shortened, never the count; the line must not wrap.
    const room = Math.max(1, (stream.columns || 80) - 1 - 'lazify: '.length - count.length - 1);
    const label = event.label.length > room ? `${event.label.slice(0, Math.max(0, room - 1))}…` : event.label;
    stream.write(`\r\x1b[2Klazify: ${label}${count}…`);
    shown = true;
  };
  process.once('exit', clear);
  return { listener, clear };
}
