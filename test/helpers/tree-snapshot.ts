import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of a tree: a file's exact bytes and mode, a folder, or a symlink's target. */
export type TreeEntry = { kind: 'file'; bytes: Buffer; mode: number } | { kind: 'dir' } | { kind: 'link'; to: string };

/** Every file, folder and symlink under a folder (node_modules aside), by relative path. */
export type Tree = Map<string, TreeEntry>;

/** Reads the whole tree, so a stray temp file, a leftover journal or a changed mode shows up. */
export function snapshotTree(dir: string): Tree {
  const tree: Tree = new Map();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (name === 'node_modules') continue;
      const path = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(join(dir, path));
      if (stat.isSymbolicLink()) tree.set(path, { kind: 'link', to: readlinkSync(join(dir, path)) });
      else if (stat.isDirectory()) {
        tree.set(`${path}/`, { kind: 'dir' });
        walk(path);
      } else tree.set(path, { kind: 'file', bytes: readFileSync(join(dir, path)), mode: stat.mode & 0o7777 });
    }
  };
  walk('');
  return tree;
}

/** Paths where two trees differ (missing, extra, other bytes, other mode), empty when identical. */
export function treeDifferences(actual: Tree, expected: Tree): string[] {
  const differences: string[] = [];
  for (const [path, want] of expected) {
    const got = actual.get(path);
    if (!got) differences.push(`missing ${path}`);
    else if (got.kind !== want.kind) differences.push(`${path} is a ${got.kind}, not a ${want.kind}`);
    else if (got.kind === 'file' && want.kind === 'file' && !got.bytes.equals(want.bytes)) differences.push(`${path} has other bytes`);
    else if (got.kind === 'file' && want.kind === 'file' && got.mode !== want.mode) differences.push(`${path} has mode ${got.mode.toString(8)}, not ${want.mode.toString(8)}`);
    else if (got.kind === 'link' && want.kind === 'link' && got.to !== want.to) differences.push(`${path} links to ${got.to}, not ${want.to}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) differences.push(`extra ${path}`);
  return differences;
}

/** Puts a folder back to a snapshot: every file's bytes and mode, extra entries removed. Symlinks are not recreated. */
export function resetTree(dir: string, tree: Tree): void {
  for (const path of snapshotTree(dir).keys()) {
    if (!tree.has(path)) rmSync(join(dir, path), { recursive: true, force: true });
  }
  for (const [path, entry] of tree) {
    if (entry.kind === 'dir') mkdirSync(join(dir, path), { recursive: true });
    else if (entry.kind === 'file') {
      const current = lstatSync(join(dir, path), { throwIfNoEntry: false });
      if (!current || !readFileSync(join(dir, path)).equals(entry.bytes)) writeFileSync(join(dir, path), entry.bytes);
      chmodSync(join(dir, path), entry.mode);
    }
  }
}
