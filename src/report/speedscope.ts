import type { ImportTimeNode, ImportTimeResult } from '../measure/import-time.js';

/** speedscope's file format (https://www.speedscope.app/file-format-schema.json), the evented kind. */
export interface SpeedscopeFile {
  $schema: 'https://www.speedscope.app/file-format-schema.json';
  shared: { frames: Array<{ name: string; file?: string }> };
  profiles: Array<{
    type: 'evented';
    name: string;
    unit: 'milliseconds';
    startValue: number;
    endValue: number;
    events: Array<{ type: 'O' | 'C'; frame: number; at: number }>;
  }>;
  name: string;
  exporter: string;
}

/**
 * A measurement as a speedscope profile, for people who read import time there (or in any tool
 * that reads its format): each module is a frame that opens when its load starts and closes
 * after its cumulative time, its first loads nested inside in load order. The medians of a
 * module's children can add up to more than its own median; the parent then closes when its
 * last child does, so the events always nest.
 */
export function toSpeedscope(result: ImportTimeResult, exporter: string): SpeedscopeFile {
  const frames: SpeedscopeFile['shared']['frames'] = [];
  const frameOf = new Map<string, number>();
  const events: SpeedscopeFile['profiles'][number]['events'] = [];
  const frame = (node: ImportTimeNode): number => {
    let index = frameOf.get(node.id);
    if (index === undefined) {
      index = frames.length;
      frames.push({ name: node.id, file: node.file });
      frameOf.set(node.id, index);
    }
    return index;
  };
  const emit = (node: ImportTimeNode, at: number): number => {
    const index = frame(node);
    events.push({ type: 'O', frame: index, at });
    let cursor = at;
    for (const child of node.children) cursor = emit(child, cursor);
    const end = Math.max(at + node.cumulativeMs, cursor);
    events.push({ type: 'C', frame: index, at: end });
    return end;
  };
  let end = 0;
  for (const root of result.tree) end = emit(root, end);
  return {
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames },
    profiles: [{ type: 'evented', name: `import ${result.entry}`, unit: 'milliseconds', startValue: 0, endValue: end, events }],
    name: `lazify import time: ${result.entry}`,
    exporter,
  };
}
