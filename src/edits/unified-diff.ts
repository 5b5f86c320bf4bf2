import { diffLines, structuredPatch } from 'diff';
import pc from 'picocolors';
import type { FileChange } from './file-set.js';

/**
 * A git-style unified diff of the changes (`diff --git a/x b/x`, `/dev/null` for new files),
 * which `git apply` accepts as written. Paths are relative to the project root.
 */
export function unifiedDiff(changes: FileChange[]): string {
  return changes.map(fileDiff).join('');
}

function fileDiff(change: FileChange): string {
  const isNew = change.before === undefined;
  const header = [`diff --git a/${change.path} b/${change.path}`];
  if (isNew) header.push('new file mode 100644');
  header.push(isNew ? '--- /dev/null' : `--- a/${change.path}`, `+++ b/${change.path}`);
  const patch = structuredPatch(change.path, change.path, change.before ?? '', change.after, '', '', { context: 3 });
  const hunks = patch.hunks.map((hunk) => {
    // An empty side starts at line 0 in unified-diff notation (as jsdiff's own formatPatch does).
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    return [`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines].join('\n');
  });
  return `${header.join('\n')}\n${hunks.join('\n')}\n`;
}

/** Lines added and removed between two versions of a file (`before` undefined: a new file). */
export function countChangedLines(before: string | undefined, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before ?? '', after)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

/** Colours a unified diff for a terminal: additions green, removals red, hunk headers cyan. */
export function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff --git')) return pc.bold(line);
      if (line.startsWith('+')) return pc.green(line);
      if (line.startsWith('-')) return pc.red(line);
      if (line.startsWith('@@')) return pc.cyan(line);
      return line;
    })
    .join('\n');
}
