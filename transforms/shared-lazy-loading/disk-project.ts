// The project as files on disk, for transforms run alone on the jscodeshift CLI (lazify passes
// its in-memory file set as `options.project` instead).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectReader } from '../transform-module.js';

/** A reader over `root` (default: the working directory). */
export function diskProject(root = process.cwd()): ProjectReader {
  const absolute = resolve(root);
  return {
    root: absolute,
    read: (path) => {
      const file = join(absolute, path);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

/** The project a transform should read: lazify's file set when given, else the disk. */
export function projectFromOptions(options: Record<string, unknown>): ProjectReader {
  const project = options.project as ProjectReader | undefined;
  if (project && typeof project.read === 'function') return project;
  return diskProject(typeof options.root === 'string' ? options.root : undefined);
}
