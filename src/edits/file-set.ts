import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { lexicalPathProblem } from '../project/confine-path.js';
import type { ProjectReader } from '../../transforms/transform-module.js';
import { keepFileHeader, licenceHeader } from './file-header.js';
import { fromEditable, toEditable, withConvention, type NewFileConvention, type SourceLayout } from './source-layout.js';

/** One file whose content differs from disk: `before` undefined means it is new. */
export interface FileChange {
  /** Path relative to the root, forward slashes. */
  path: string;
  /** The file as it is on disk (its own line endings, BOM and shebang). */
  before: string | undefined;
  /** The file as it will be written, in the same conventions as `before`. */
  after: string;
}

/** A file on disk, as the edit layer holds it. */
type Original =
  | { kind: 'missing' }
  /** Bytes that are not valid UTF-8: no transform may see (or rewrite) this file. */
  | { kind: 'undecodable' }
  | { kind: 'text'; raw: string; text: string; layout: SourceLayout };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The project's files in memory. Operations read and replace sources here; nothing touches the
 * disk until write-files.ts writes the changes all at once. Reads fall through to disk the
 * first time a file is asked for, so an operation sees what earlier operations produced.
 *
 * What operations read and write is plain LF text without BOM or shebang (source-layout.ts);
 * {@link FileSet.changes} turns it back into each file's own conventions, so bytes an
 * operation did not mean to change stay as they were. A file that is not valid UTF-8 reads
 * as missing and is listed in {@link FileSet.undecodableRead}, so the operation can be undone.
 * A header comment (licence) an edit dropped with the first statement is put back (file-header.ts).
 */
export class FileSet implements ProjectReader {
  readonly root: string;
  private readonly original = new Map<string, Original>();
  private readonly current = new Map<string, string>();
  /** Conventions of files created in memory (line ending, BOM of the file they come from). */
  private readonly conventions = new Map<string, NewFileConvention>();
  private readonly undecodable = new Set<string>();

  constructor(root: string) {
    this.root = root;
  }

  read(path: string): string | undefined {
    if (this.current.has(path)) return this.current.get(path);
    // A transform following `../../x` or an absolute path out of the project sees nothing there
    // (installed dependencies stay readable: planners look up their versions).
    if (lexicalPathProblem(path) && !(path.startsWith('node_modules/') && posix.normalize(path) === path)) return undefined;
    const original = this.readOriginal(path);
    if (original.kind === 'undecodable') this.undecodable.add(path);
    return original.kind === 'text' ? original.text : undefined;
  }

  /**
   * Replaces (or creates) a file's content in memory. A new file takes `convention` (default:
   * LF, no BOM); an existing one keeps its own.
   */
  write(path: string, source: string, convention?: NewFileConvention): void {
    const original = this.readOriginal(path);
    if (original.kind === 'undecodable') {
      this.undecodable.add(path);
      return;
    }
    if (original.kind === 'missing' && !this.conventions.has(path) && convention) this.conventions.set(path, convention);
    this.current.set(path, source);
  }

  /** Puts a file back to `source` (a failed operation's undo); undefined means the file did not exist. */
  restore(path: string, source: string | undefined): void {
    if (source === undefined) this.current.delete(path);
    else this.current.set(path, source);
  }

  /** The convention a file derived from `path` should take: that file's line ending and BOM. */
  conventionOf(path: string): NewFileConvention | undefined {
    const original = this.readOriginal(path);
    if (original.kind !== 'text') return this.conventions.get(path);
    return { ...original.layout.convention, licence: licenceHeader(original.text) };
  }

  /** Files read or written since {@link FileSet.clearUndecodable} that are not valid UTF-8. */
  undecodableRead(): string[] {
    return [...this.undecodable].sort();
  }

  /** Starts a new list for {@link FileSet.undecodableRead} (before one operation). */
  clearUndecodable(): void {
    this.undecodable.clear();
  }

  /** Files whose content now differs from disk, sorted by path. */
  changes(): FileChange[] {
    const changes: FileChange[] = [];
    for (const [path, text] of this.current) {
      const original = this.readOriginal(path);
      if (original.kind === 'undecodable') continue;
      const before = original.kind === 'text' ? original.raw : undefined;
      const after =
        original.kind === 'text' ? fromEditable(keepFileHeader(original.text, text), original.layout) : withConvention(text, this.conventions.get(path) ?? { eol: '\n', bom: false });
      if (before !== after) changes.push({ path, before, after });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private readOriginal(path: string): Original {
    let original = this.original.get(path);
    if (!original) {
      const absolute = join(this.root, path);
      original = isFile(absolute) ? decode(readFileSync(absolute)) : { kind: 'missing' };
      this.original.set(path, original);
    }
    return original;
  }
}

function isFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}

function decode(bytes: Buffer): Original {
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return { kind: 'undecodable' };
  }
  return { kind: 'text', raw, ...toEditable(raw) };
}
