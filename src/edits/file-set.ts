import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { lexicalPathProblem } from '../project/confine-path.js';
import type { ProjectReader } from '../../transforms/transform-module.js';

/** One file whose content differs from disk: `before` undefined means it is new. */
export interface FileChange {
  /** Path relative to the root, forward slashes. */
  path: string;
  before: string | undefined;
  after: string;
}

/**
 * The project's files in memory. Operations read and replace sources here; nothing touches the
 * disk until write-files.ts writes the changes all at once. Reads fall through to disk the
 * first time a file is asked for, so an operation sees what earlier operations produced.
 */
export class FileSet implements ProjectReader {
  readonly root: string;
  private readonly original = new Map<string, string | undefined>();
  private readonly current = new Map<string, string>();

  constructor(root: string) {
    this.root = root;
  }

  read(path: string): string | undefined {
    if (this.current.has(path)) return this.current.get(path);
    // A transform following `../../x` or an absolute path out of the project sees nothing there
    // (installed dependencies stay readable: planners look up their versions).
    if (lexicalPathProblem(path) && !(path.startsWith('node_modules/') && posix.normalize(path) === path)) return undefined;
    return this.readOriginal(path);
  }

  /** Replaces (or creates) a file's content in memory. */
  write(path: string, source: string): void {
    this.readOriginal(path);
    this.current.set(path, source);
  }

  /** Puts a file back to `source` (a failed operation's undo); undefined means the file did not exist. */
  restore(path: string, source: string | undefined): void {
    if (source === undefined) this.current.delete(path);
    else this.current.set(path, source);
  }

  /** Files whose content now differs from disk, sorted by path. */
  changes(): FileChange[] {
    const changes: FileChange[] = [];
    for (const [path, after] of this.current) {
      const before = this.original.get(path);
      if (before !== after) changes.push({ path, before, after });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private readOriginal(path: string): string | undefined {
    if (!this.original.has(path)) {
      const absolute = join(this.root, path);
      this.original.set(path, isFile(absolute) ? readFileSync(absolute, 'utf8') : undefined);
    }
    return this.original.get(path);
  }
}

function isFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}
